export * from './demo/demo-reviews.seeder';
export * from './entities';
export * from './flags/review-flags.service';
export * from './reviews.config';
export * from './reviews.module';
