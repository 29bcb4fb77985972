import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { appConfig, AppConfig, configureApp } from '@app/core';
import { AppModule } from './app.module';

export function configureHttp(app: NestExpressApplication) {
  return configureApp(app, { bodyLimit: app.get<AppConfig>(appConfig.KEY).bodyLimit });
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
