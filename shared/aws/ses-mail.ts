/** SES for a function that sends mail itself (its grant says so): one client per container and region. */
import { SESClient } from '@aws-sdk/client-ses';
import { createSesMailer } from '../mail/ses-mailer.ts';
import type { AwsConfig, MailService } from './context.ts';

const clients = new Map<string, SESClient>();

export const sesMail: MailService = (config: AwsConfig) => {
  let client = clients.get(config.AWS_REGION);
  if (!client) clients.set(config.AWS_REGION, (client = new SESClient({ region: config.AWS_REGION })));
  return createSesMailer({ client, ...(config.SES_CONFIGURATION_SET ? { configurationSet: config.SES_CONFIGURATION_SET } : {}) });
};
