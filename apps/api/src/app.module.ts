import { Module } from '@nestjs/common';
import { CoreModule } from '@app/core';

@Module({
  imports: [CoreModule],
})
export class AppModule {}
