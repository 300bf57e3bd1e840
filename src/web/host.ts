/**
 * The address `tusoi serve` listens on by default: the laptop's own address
 * on the meeting room's network, chosen from the interface list alone (pure:
 * `os.networkInterfaces()` is read by the caller), so it can be tested
 * without serving anywhere.
 *
 * Preference: a private IPv4 address (RFC 1918: 192.168/16, 10/8,
 * 172.16/12) on a non-virtual interface; Windows' Mobile Hotspot is
 * 192.168.137.1, so it is taken like any other. Then any other non-internal
 * IPv4 (not link-local 169.254/16, which means "no network yet"). Loopback
 * (127.0.0.1) when nothing else exists: members cannot reach it, and the
 * secretary's screen says so.
 */

export interface InterfaceAddress {
  readonly address: string;
  readonly family: string | number;
  readonly internal: boolean;
}

export type InterfaceList = Readonly<Record<string, ReadonlyArray<InterfaceAddress> | undefined>>;

/** Interface names of virtual machines, containers and VPNs: their addresses are not the meeting room's. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|tun|tap|wg|zt|utun|tailscale)|vEthernet|VirtualBox|VMware|Hyper-V|WSL/i;

function isPrivateV4(a: string): boolean {
  const [x, y] = a.split('.').map(Number) as [number, number];
  return x === 10 || (x === 192 && y === 168) || (x === 172 && y >= 16 && y <= 31);
}

const isV4 = (a: InterfaceAddress) => a.family === 'IPv4' || a.family === 4;

/** The default address to serve on, and whether members can reach it at all. */
export function defaultHost(interfaces: InterfaceList): { host: string; reachable: boolean } {
  const candidates: Array<{ name: string; address: string; rank: number }> = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const a of list ?? []) {
      if (!isV4(a) || a.internal || a.address.startsWith('169.254.')) continue;
      const rank = (isPrivateV4(a.address) ? 0 : 2) + (VIRTUAL.test(name) ? 4 : 0);
      candidates.push({ name, address: a.address, rank });
    }
  }
  // Stable: by rank, then by interface name and address, never by the order the system listed them.
  candidates.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name) || a.address.localeCompare(b.address));
  const best = candidates[0];
  return best ? { host: best.address, reachable: true } : { host: '127.0.0.1', reachable: false };
}

/** `host:port` as a browser writes it in the Host header (IPv6 in brackets). */
export function hostHeader(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
