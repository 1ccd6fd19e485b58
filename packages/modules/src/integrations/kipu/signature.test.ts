import { describe, expect, it } from "vitest";
import { authorizationHeader, canonicalString, contentMd5, encodeQuery, httpDate, signCanonical, signedHeaders } from "./signature";

// Known-answer vectors, computed outside this code base with openssl:
//   printf '%s' '<canonical>' | openssl dgst -sha1 -hmac test_secret_key -binary | base64
// Inputs are Kipu's documented examples (placeholder secret "test_secret_key"). The SHA-256 GET value
// is also the one a public Kipu client quotes as Kipu's published worked example.
const SECRET = "test_secret_key";
const GET_URI = "/api/patients/census?phi_level=high&app_id=OFZdZaTiCgy5gZnjnpo-Y7pFNoQvgsLJvtQSPJpWJNM";
const GET_DATE = "Thu, 07 Nov 2019 20:08:59 GMT";
const GET_CANONICAL = `,,${GET_URI},${GET_DATE}`;
const POST_CANONICAL = "application/json,VpofNeoRAzRvCD/YjO1mSw==,/api/patients,Wed, 06 Nov 2019 15:38:34 GMT";

describe("canonical string", () => {
  it("has two empty leading parts on GET and no spaces around commas", () => {
    expect(canonicalString({ requestUri: GET_URI, date: GET_DATE })).toBe(GET_CANONICAL);
    expect(canonicalString({ contentType: "application/json", contentMd5: "VpofNeoRAzRvCD/YjO1mSw==", requestUri: "/api/patients", date: "Wed, 06 Nov 2019 15:38:34 GMT" })).toBe(POST_CANONICAL);
  });
});

describe("signature known answers", () => {
  it("HMAC-SHA1 (the v3 documented digest)", () => {
    expect(signCanonical(SECRET, GET_CANONICAL)).toBe("h1PXvNGSmNaZqXBv9/UcqjCFsJ0=");
    expect(signCanonical(SECRET, POST_CANONICAL, "sha1")).toBe("90d3TLkQ/rANx3FbE7Jj7hSt+SM=");
  });

  it("HMAC-SHA256 (Kipu's published worked example)", () => {
    expect(signCanonical(SECRET, GET_CANONICAL, "sha256")).toBe("boYgaBORoufqIwn+yNU/+r6rS1Hww1UAk2JYf/JWKN8=");
    expect(signCanonical(SECRET, POST_CANONICAL, "sha256")).toBe("seJY1Nxzq9okY1tRGByrPzDTbPQM5ayPP8QOjViisEQ=");
  });

  it("changes with any input", () => {
    const base = signCanonical(SECRET, GET_CANONICAL);
    expect(signCanonical(SECRET, GET_CANONICAL.replace("high", "higH"))).not.toBe(base);
    expect(signCanonical(SECRET, GET_CANONICAL.replace("20:08:59", "20:08:58"))).not.toBe(base);
    expect(signCanonical("test_secret_keZ", GET_CANONICAL)).not.toBe(base);
  });
});

describe("headers", () => {
  it("formats the Authorization header per digest", () => {
    expect(authorizationHeader("abc", "sig=")).toBe("APIAuth abc:sig=");
    expect(authorizationHeader("abc", "sig=", "sha256")).toBe("APIAuth-HMAC-SHA256 abc:sig=");
  });

  it("uses an RFC 1123 GMT date", () => {
    expect(httpDate(new Date("2019-11-07T20:08:59Z"))).toBe(GET_DATE);
    expect(httpDate(new Date("2024-03-05T01:02:03Z"))).toBe("Tue, 05 Mar 2024 01:02:03 GMT");
  });

  it("signs a GET end to end to the known answer", () => {
    expect(signedHeaders({ accessId: "test_access", secretKey: SECRET, requestUri: GET_URI, date: new Date("2019-11-07T20:08:59Z") })).toEqual({
      Date: GET_DATE,
      Authorization: "APIAuth test_access:h1PXvNGSmNaZqXBv9/UcqjCFsJ0=",
    });
  });

  it("adds Content-Type and Content-MD5 for a body", () => {
    const h = signedHeaders({ accessId: "a", secretKey: SECRET, requestUri: "/api/patients", date: new Date("2019-11-06T15:38:34Z"), body: { contentType: "application/json", content: "{}" } });
    expect(h["Content-MD5"]).toBe(contentMd5("{}"));
    expect(h["Content-MD5"]).toBe("mZFLkyvTelC5g8XnyQrpOw==");
    expect(h["Content-Type"]).toBe("application/json");
  });
});

describe("encodeQuery", () => {
  it("keeps order and produces bytes URL parsing leaves alone", () => {
    const q = encodeQuery([["phi_level", "high"], ["app_id", "a b'(c)*!"], ["page", "2"]]);
    expect(q).toBe("phi_level=high&app_id=a%20b%27%28c%29%2A%21&page=2");
    const url = new URL(`http://x.test/api/patients/census?${q}`);
    expect(url.search).toBe(`?${q}`);
  });
});
