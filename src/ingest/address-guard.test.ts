// Unit tests of the SSRF address classifier: every blocked range, its IPv4-mapped forms, and public addresses let through.
import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyAddress, parseIpv6 } from "./address-guard.js";

test("blocked IPv4 ranges are classified", () => {
  const cases: [string, string][] = [
    ["127.0.0.1", "loopback"], ["127.255.1.2", "loopback"],
    ["10.0.0.1", "private"], ["172.16.0.1", "private"], ["172.31.255.255", "private"], ["192.168.100.1", "private"],
    ["169.254.169.254", "metadata"], ["169.254.1.1", "link-local"],
    ["0.0.0.0", "unspecified"], ["0.1.2.3", "unspecified"],
    ["100.64.0.1", "shared (CGNAT)"], ["100.127.255.254", "shared (CGNAT)"],
    ["224.0.0.251", "multicast"], ["239.1.1.1", "multicast"], ["255.255.255.255", "reserved"], ["192.0.0.192", "reserved"],
  ];
  for (const [ip, kind] of cases) assert.equal(classifyAddress(ip), kind, ip);
});

test("blocked IPv6 ranges and IPv4 hidden in IPv6 are classified", () => {
  const cases: [string, string][] = [
    ["::1", "loopback"], ["[::1]", "loopback"], ["::", "unspecified"],
    ["fc00::1", "private"], ["fdff:1::2", "private"], ["fe80::1%eth0", "link-local"], ["febf::1", "link-local"],
    ["fd00:ec2::254", "metadata"], ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"], ["::ffff:7f00:1", "loopback"], ["::FFFF:A9FE:A9FE", "metadata"],
    ["::ffff:10.1.2.3", "private"], ["::10.1.2.3", "private"], ["64:ff9b::192.168.1.1", "private"], ["2002:a9fe:a9fe::1", "metadata"],
  ];
  for (const [ip, kind] of cases) assert.equal(classifyAddress(ip), kind, ip);
});

test("public addresses pass, near misses included, and non-addresses are refused", () => {
  for (const ip of ["93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "169.253.1.1", "11.0.0.1",
    "2606:4700:4700::1111", "2a00:1450:4001:82b::200e", "::ffff:8.8.8.8", "2002:0808:0808::1", "fe7f::1"]) {
    assert.equal(classifyAddress(ip), undefined, ip);
  }
  for (const bad of ["localhost", "example.com", "1.2.3", "::g", ""]) assert.equal(classifyAddress(bad), "unparseable", bad);
});

test("IPv6 parsing expands :: and dotted tails", () => {
  assert.deepEqual(parseIpv6("::1"), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(parseIpv6("::ffff:1.2.3.4")?.slice(10), [0xff, 0xff, 1, 2, 3, 4]);
  assert.deepEqual(parseIpv6("1:2:3:4:5:6:7:8")?.slice(0, 4), [0, 1, 0, 2]);
  assert.equal(parseIpv6("1::2::3"), undefined);
  assert.equal(parseIpv6("1:2:3:4:5:6:7:8:9"), undefined);
});
