// The environment every test app starts with; DATABASE_URL comes from global-setup.ts.
process.env.ADMIN_API_KEY = 'test-admin-key-0123456789';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.RUN_MIGRATIONS = 'false';
process.env.PUBLIC_URL = 'https://rollcall.test';
delete process.env.SCIM_EXTENSIONS_FILE;
// Tests drive the delivery worker themselves (DeliveryWorker.runOnce) and retry without waiting.
process.env.WEBHOOK_DELIVERY = 'false';
process.env.WEBHOOK_RETRY_BASE_MS = '0';
// Tests write the activity log when they read it (ActivityService) or ask (ActivityWriter.flush), so
// no timed flush lands in a test that counts SQL statements.
process.env.ACTIVITY_FLUSH_MS = '600000';
process.env.ACTIVITY_BATCH_SIZE = '5000';
