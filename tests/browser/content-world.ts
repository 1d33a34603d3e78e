// Moved to tests/support/content-world.ts; re-exported here for the tests that import it.
export * from '../support/content-world';
