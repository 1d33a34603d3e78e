// Moved to tests/support/ (the launch fixture, page objects and helpers every
// real-browser test shares); re-exported here for the tests that import it.
export * from '../support/browser';
