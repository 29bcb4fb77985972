export * from './dto/monitor-query.dto';
export * from './monitor-csv';
export * from './monitor-tables';
export * from './monitor.service';
export * from './reporting.module';
export * from './suppression';
