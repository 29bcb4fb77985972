import { DestinationStream } from 'pino';

let override: DestinationStream | undefined;

/** Lets tests capture every log line the application writes (to check that no personal data leaks). */
export function setLogStream(stream: DestinationStream | undefined) {
  override = stream;
}

export function currentLogStream(): DestinationStream | undefined {
  return override;
}
