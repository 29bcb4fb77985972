import { DataSource } from 'typeorm';
import { ownerDataSourceOptions } from './data-source-options';

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(ownerDataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
