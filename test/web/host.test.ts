/**
 * The default address of `tusoi serve`, as a pure function of an interface
 * list (nothing is served on these addresses).
 */
import { describe, expect, it } from 'vitest';
import { defaultHost, hostHeader, type InterfaceList } from '../../src/web/host.js';

const v4 = (address: string, internal = false) => ({ address, family: 'IPv4', internal });
const v6 = (address: string, internal = false) => ({ address, family: 'IPv6', internal });

describe('the default address', () => {
  it('is the Wi-Fi address of a laptop, not loopback, IPv6 or a virtual adapter', () => {
    const list: InterfaceList = {
      lo: [v4('127.0.0.1', true), v6('::1', true)],
      docker0: [v4('172.17.0.1')],
      'vEthernet (WSL)': [v4('172.29.16.1')],
      wlan0: [v6('fe80::1'), v4('192.168.1.23')],
    };
    expect(defaultHost(list)).toEqual({ host: '192.168.1.23', reachable: true });
  });

  it("takes Windows' Mobile Hotspot address when the laptop is the hotspot", () => {
    const list: InterfaceList = {
      'Loopback Pseudo-Interface 1': [v4('127.0.0.1', true)],
      'Local Area Connection* 10': [v4('192.168.137.1')],
      'VirtualBox Host-Only Network': [v4('192.168.56.1')],
    };
    expect(defaultHost(list).host).toBe('192.168.137.1');
  });

  it('prefers a private address over a public one, and skips link-local (no DHCP answer yet)', () => {
    expect(defaultHost({ eth0: [v4('169.254.10.20')], eth1: [v4('203.0.113.5')], wlan0: [v4('10.0.0.7')] }).host).toBe('10.0.0.7');
    expect(defaultHost({ eth0: [v4('169.254.10.20')], eth1: [v4('203.0.113.5')] }).host).toBe('203.0.113.5');
    expect(defaultHost({ eth0: [v4('172.16.4.2')], eth1: [v4('172.32.0.1')] }).host).toBe('172.16.4.2');
  });

  it('does not depend on the order the system lists interfaces in', () => {
    const a: InterfaceList = { wlan0: [v4('192.168.1.23')], eth0: [v4('192.168.0.5')] };
    const b: InterfaceList = { eth0: [v4('192.168.0.5')], wlan0: [v4('192.168.1.23')] };
    expect(defaultHost(a)).toEqual(defaultHost(b));
    expect(defaultHost(a).host).toBe('192.168.0.5');
  });

  it('falls back to loopback, marked unreachable, when there is no network (family as a number, as in Node 18.0)', () => {
    expect(defaultHost({ lo: [{ address: '127.0.0.1', family: 4, internal: true }] })).toEqual({ host: '127.0.0.1', reachable: false });
    expect(defaultHost({})).toEqual({ host: '127.0.0.1', reachable: false });
    expect(defaultHost({ docker0: [v4('172.17.0.1')] })).toEqual({ host: '172.17.0.1', reachable: true });
  });

  it('is written in a Host header with IPv6 in brackets', () => {
    expect(hostHeader('192.168.1.23', 8080)).toBe('192.168.1.23:8080');
    expect(hostHeader('::1', 8080)).toBe('[::1]:8080');
  });
});
