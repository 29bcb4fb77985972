import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditConfig, AuditConfig } from './audit.config';
import { sealAll } from './processing-log-seal';

/**
 * Seals committed log rows into the hash chains in the background, so that no request waits for the
 * chain (migration 1763802200000). Several instances may run it: the database lets one seal at a time.
 */
@Injectable()
export class ProcessingLogSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProcessingLogSealer.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(auditConfig.KEY) private readonly config: AuditConfig,
  ) {}

  onApplicationBootstrap() {
    if (this.config.sealIntervalMs === 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.sealIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick() {
    if (this.running) return this.running;
    this.running = sealAll(this.dataSource)
      .then(() => undefined)
      .catch((error: Error) => {
        // The database may be briefly unavailable; the rows stay queued and the next tick seals them.
        this.logger.warn(`Sealing the processing log failed: ${error.message}`);
      })
      .finally(() => (this.running = null));
    return this.running;
  }
}
