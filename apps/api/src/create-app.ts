import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { appConfig, AppConfig, configureApp } from '@app/core';
import { AppModule } from './app.module';
import { serveWebApp } from './web-app';

export function configureHttp(app: NestExpressApplication) {
  const document = configureApp(app, { bodyLimit: app.get<AppConfig>(appConfig.KEY).bodyLimit });
  serveWebApp(app);
  return document;
}

/** Builds the HTTP application exactly as production runs it. */
export async function createApp() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
  });
  configureHttp(app);
  return app;
}
