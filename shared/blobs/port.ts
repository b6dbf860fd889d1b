/** Stored files: raw inbound mail and attachments (S3 on AWS, a folder locally). */
export interface BlobStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  /** Removes every blob under a prefix (retention of a case). */
  deletePrefix(prefix: string): Promise<void>;
}
