// The environment every test app starts with; DATABASE_URL comes from global-setup.ts.
process.env.ADMIN_API_KEY = 'test-admin-key-0123456789';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.RUN_MIGRATIONS = 'false';
process.env.PUBLIC_URL = 'https://rollcall.test';
delete process.env.SCIM_EXTENSIONS_FILE;
// Tests drive the delivery worker themselves (DeliveryWorker.runOnce) and retry without waiting.
process.env.WEBHOOK_DELIVERY = 'false';
process.env.WEBHOOK_RETRY_BASE_MS = '0';
// Receivers in the tests listen on loopback, which webhooks may not reach anywhere else.
process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8,::1/128';
// A fixed sealing key, so no key file is written and every test app opens what another sealed.
process.env.WEBHOOK_SECRET_KEYS = 'test:' + Buffer.alloc(32, 7).toString('base64');
// Tests write the activity log when they read it (ActivityService) or ask (ActivityWriter.flush), so
// no timed flush lands in a test that counts SQL statements.
process.env.ACTIVITY_FLUSH_MS = '600000';
process.env.ACTIVITY_BATCH_SIZE = '5000';
// Writes number their own events; the sweep of events left unnumbered runs when a test asks
// (EventSequencer.sweep) or sets its own interval, so no timed sweep lands in a counted statement.
process.env.EVENT_SWEEP_MS = '600000';
// Limits well above any test's own work, so a loaded machine slows a test down instead of failing it
// with 503; the tests of the limits set their own (test/database-limits.e2e-spec.ts and others).
process.env.DATABASE_STATEMENT_TIMEOUT_MS = '60000';
process.env.DATABASE_ACQUIRE_TIMEOUT_MS = '60000';
process.env.REQUEST_TIMEOUT_MS = '120000';
