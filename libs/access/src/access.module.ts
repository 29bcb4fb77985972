import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { PoliciesGuard } from './policies.guard';

@Global()
@Module({ providers: [AccessService, PoliciesGuard], exports: [AccessService, PoliciesGuard] })
export class AccessModule {}
