// Classifies IP addresses for the URL fetcher's SSRF guard: loopback, private, link-local, metadata and other non-public ranges.
import { isIP } from "node:net";

/** Why an address is not public; undefined for an ordinary public address. */
export type AddressClass =
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "metadata"
  | "shared (CGNAT)"
  | "multicast"
  | "reserved"
  | "unparseable";

interface Range {
  bytes: number[];
  bits: number;
  kind: AddressClass;
}

function v4(cidr: string, kind: AddressClass): Range {
  const [addr, bits] = cidr.split("/");
  return { bytes: addr!.split(".").map(Number), bits: Number(bits), kind };
}

function v6(cidr: string, kind: AddressClass): Range {
  const [addr, bits] = cidr.split("/");
  return { bytes: parseIpv6(addr!)!, bits: Number(bits), kind };
}

// Order matters: the first matching range names the class, so the narrow metadata ranges come before link-local.
const V4_RANGES: Range[] = [
  v4("169.254.169.254/32", "metadata"), // AWS, GCP, Azure, OpenStack instance metadata
  v4("0.0.0.0/8", "unspecified"), // "this network": 0.0.0.0 reaches the local host on Linux
  v4("127.0.0.0/8", "loopback"),
  v4("10.0.0.0/8", "private"),
  v4("172.16.0.0/12", "private"),
  v4("192.168.0.0/16", "private"),
  v4("169.254.0.0/16", "link-local"),
  v4("100.64.0.0/10", "shared (CGNAT)"),
  v4("192.0.0.0/24", "reserved"), // IETF protocol assignments (includes Oracle Cloud's 192.0.0.192 metadata)
  v4("192.0.2.0/24", "reserved"), // documentation
  v4("198.18.0.0/15", "reserved"), // benchmarking, used inside data centres
  v4("198.51.100.0/24", "reserved"),
  v4("203.0.113.0/24", "reserved"),
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"), // includes 255.255.255.255 broadcast
];

const V6_RANGES: Range[] = [
  v6("fd00:ec2::254/128", "metadata"), // AWS metadata over IPv6
  v6("::/128", "unspecified"),
  v6("::1/128", "loopback"),
  v6("fc00::/7", "private"), // unique local
  v6("fe80::/10", "link-local"),
  v6("fec0::/10", "private"), // deprecated site-local, still routed inside some networks
  v6("ff00::/8", "multicast"),
  v6("100::/64", "reserved"), // discard-only
  v6("2001:db8::/32", "reserved"), // documentation
];

/** The embedded IPv4 address of forms that reach an IPv4 host: mapped, compatible, NAT64 and 6to4. */
function embeddedIpv4(b: number[]): number[] | undefined {
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12, 16); // ::ffff:a.b.c.d
  if (zero(0, 12) && !(zero(12, 15) && (b[15] === 0 || b[15] === 1))) return b.slice(12, 16); // ::a.b.c.d (deprecated)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return b.slice(12, 16); // 64:ff9b::/96
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6); // 2002::/16 6to4
  return undefined;
}

/**
 * The class of a non-public address, or undefined when the address is public.
 * Accepts IPv4, IPv6 (with or without brackets or a zone id); anything else is "unparseable" (and so refused).
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const a = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(a);
  if (family === 4) return match(a.split(".").map(Number), V4_RANGES);
  if (family === 6) {
    const bytes = parseIpv6(a);
    if (!bytes) return "unparseable";
    const inner = embeddedIpv4(bytes);
    if (inner) {
      const kind = match(inner, V4_RANGES);
      if (kind) return kind;
    }
    return match(bytes, V6_RANGES);
  }
  return "unparseable";
}

function match(bytes: number[], ranges: Range[]): AddressClass | undefined {
  for (const r of ranges) if (inRange(bytes, r)) return r.kind;
  return undefined;
}

function inRange(bytes: number[], r: Range): boolean {
  let bits = r.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i]! & mask) !== (r.bytes[i]! & mask)) return false;
  }
  return true;
}

/** 16 bytes of an IPv6 address (with "::" and an optional dotted IPv4 tail), or undefined. */
export function parseIpv6(address: string): number[] | undefined {
  if (address.length > 64) return undefined; // longer than any IPv6 text form; keeps the tail regex cheap
  let s = address;
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    if (isIP(dotted[1]!) !== 4) return undefined;
    tail = dotted[1]!.split(".").map(Number);
    s = s.slice(0, -dotted[1]!.length) + (s.endsWith(":" + dotted[1]) ? "0:0" : "");
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part ? part.split(":") : []);
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  const out: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    const n = parseInt(g, 16);
    out.push(n >> 8, n & 0xff);
  }
  if (tail.length) out.splice(12, 4, ...tail);
  return out;
}
