import { DataSource } from 'typeorm';
import { ownerDataSourceOptions } from './data-source-options';

// Used by the TypeORM CLI through scripts/db.ts, which provides DATABASE_URL (embedded when unset).
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set; run migrations through `npm run db -- <command>`');
export default new DataSource(ownerDataSourceOptions(url, true));
