import { describe, expect, it } from 'vitest';
import { inlineSources, policyFor, sha256Source, withPolicy } from '../../../src/lib/security/csp.ts';
import { headersFileFor } from '../../../src/lib/security/headers.ts';
import { headersFor, parseHeadersFile } from '../../../scripts/serve/headers-file.ts';

const page =
  '<!doctype html><html><head><title>t</title><script>window.a=1</script><script type="module">import "x"</script>' +
  '<script type="application/json">{"not":"code"}</script><script src="/a.js"></script><style>p{color:red}</style>' +
  '</head><body><p style="color:blue">x</p></body></html>';

describe('Content-Security-Policy', () => {
  it('hashes inline scripts and styles but not JSON data or external scripts', () => {
    expect(inlineSources(page)).toEqual({ scripts: ['window.a=1', 'import "x"'], styles: ['p{color:red}'] });
  });

  it("allows inline scripts only by hash, never 'unsafe-eval' or 'unsafe-inline' for scripts", () => {
    const policy = policyFor(page);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha256Source('window.a=1')}`);
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).toContain(`style-src-elem 'self' ${sha256Source('p{color:red}')}`);
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("default-src 'self'");
  });

  it('puts the policy first in <head>, replacing an earlier one', () => {
    const once = withPolicy(page);
    expect(once).toMatch(/^<!doctype html><html><head><meta http-equiv="content-security-policy"/);
    expect(withPolicy(once).match(/content-security-policy/g)).toHaveLength(1);
  });

  it('sha256Source matches the browser format', () => {
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});

describe('_headers', () => {
  const rules = parseHeadersFile(
    headersFileFor([
      'index.html',
      'vgg/index.html',
      'embed/architecture/index.html',
      'zh-cn/vgg/index.html',
      'zh-cn/embed/architecture/index.html',
    ]),
  );

  it('lets other sites frame embed pages only', () => {
    expect(headersFor(rules, '/embed/architecture/').get('content-security-policy')).toBe('frame-ancestors *');
    expect(headersFor(rules, '/embed/architecture/').has('x-frame-options')).toBe(false);
    expect(headersFor(rules, '/vgg/').get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(headersFor(rules, '/vgg').get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headersFor(rules, '/').get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(headersFor(rules, '/zh-cn/embed/architecture/').get('content-security-policy')).toBe('frame-ancestors *');
    expect(headersFor(rules, '/zh-cn/vgg/').get('content-security-policy')).toBe("frame-ancestors 'self'");
  });

  it('serves /embed.js to other sites and nosniff everywhere', () => {
    expect(headersFor(rules, '/embed.js').get('access-control-allow-origin')).toBe('*');
    expect(headersFor(rules, '/anything').get('x-content-type-options')).toBe('nosniff');
  });

  it('rejects a header line outside a path', () => {
    expect(() => parseHeadersFile('  X-Bad: 1\n/a\n')).toThrow(/line 1/);
  });
});
