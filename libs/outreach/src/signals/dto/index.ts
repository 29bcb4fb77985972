export * from './signal.dto';
