import { Module } from '@nestjs/common';
import { AccessModule } from '@app/access';
import { CoreModule } from '@app/core';

@Module({
  imports: [CoreModule, AccessModule],
})
export class AppModule {}
