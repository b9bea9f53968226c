import { expect } from '@open-wc/testing';

describe('test runner smoke test', () => {
  it('runs in the pinned Europe/Berlin time zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('Europe/Berlin');
  });

  it('serves files from the repository root', async () => {
    const response = await fetch('/package.json');
    expect(response.ok).to.equal(true);
    const pkg = (await response.json()) as { name?: unknown };
    expect(pkg.name).to.equal('otel-community-widgets');
  });
});
