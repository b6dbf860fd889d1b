/** SES for a function that sends mail itself (its grant says so): one client per container and region. */
import { SESClient } from '@aws-sdk/client-ses';
import { createSesMailer } from '../mail/ses-mailer.ts';
import type { AwsConfig, MailService } from './context.ts';
import { oncePerRegion } from './per-region.ts';

const sesClient = oncePerRegion((region) => new SESClient({ region }));

export const sesMail: MailService = (config: AwsConfig) => {
  const client = sesClient(config.AWS_REGION);
  return createSesMailer({ client, ...(config.SES_CONFIGURATION_SET ? { configurationSet: config.SES_CONFIGURATION_SET } : {}) });
};
