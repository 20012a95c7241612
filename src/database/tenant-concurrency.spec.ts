import { DatabaseLimitError } from './database-limit-error';
import { TenantConcurrency } from './tenant-concurrency';

describe('TenantConcurrency', () => {
  it('serves at most max requests of a tenant at once, the next in order as turns are given back', async () => {
    const limit = new TenantConcurrency(2, 1000);
    const first = await limit.acquire('tenant-a');
    const second = await limit.acquire('tenant-a');
    const order: string[] = [];
    const third = limit.acquire('tenant-a').then((release) => (order.push('third'), release));
    const fourth = limit.acquire('tenant-a').then((release) => (order.push('fourth'), release));
    // Another tenant is not held up by tenant-a.
    const other = await limit.acquire('tenant-b');
    expect(limit.inProgress('tenant-a')).toBe(2);
    first();
    first(); // a second call gives nothing back twice
    (await third)();
    second();
    (await fourth)();
    other();
    expect(order).toEqual(['third', 'fourth']);
    expect(limit.inProgress('tenant-a')).toBe(0);
    expect(limit.inProgress('tenant-b')).toBe(0);
  });

  it('fails a wait longer than waitMs with a DatabaseLimitError naming TENANT_MAX_CONCURRENCY', async () => {
    const limit = new TenantConcurrency(1, 30);
    const held = await limit.acquire('tenant-a');
    const waited = await limit.acquire('TENANT-A').catch((error: unknown) => error);
    expect(waited).toBeInstanceOf(DatabaseLimitError);
    expect((waited as DatabaseLimitError).setting).toBe('TENANT_MAX_CONCURRENCY');
    expect((waited as Error).message).toBe(
      'tenant concurrency hit (TENANT_MAX_CONCURRENCY): 1 requests of this tenant already in progress; waited 30 ms',
    );
    held();
    const again = await limit.acquire('tenant-a');
    expect(limit.inProgress('tenant-a')).toBe(1);
    again();
  });

  it('takes a free turn at once with tryAcquire, and none while the tenant has all of its turns', async () => {
    const limit = new TenantConcurrency(1, 1000);
    const held = limit.tryAcquire('tenant-a');
    expect(held).toEqual(expect.any(Function));
    expect(limit.tryAcquire('TENANT-A')).toBeNull();
    const waiting = limit.acquire('tenant-a');
    held!();
    // The turn went to the one waiting, not back to be taken.
    expect(limit.tryAcquire('tenant-a')).toBeNull();
    (await waiting)();
    expect(limit.inProgress('tenant-a')).toBe(0);
  });
});
