import { describe, expect, it } from 'vitest';
import { isSiteEnabled, normalizeHostname, parseSiteList, setSiteEnabled } from '../../../utils/settings/site-list';

describe('the site list', () => {
  it('normalises host names and pasted URLs, rejecting the rest', () => {
    expect(normalizeHostname(' Example.COM. ')).toBe('example.com');
    expect(normalizeHostname('https://www.example.com:8443/path?q=1')).toBe('www.example.com');
    expect(normalizeHostname('*.example.com')).toBe('example.com');
    expect(normalizeHostname('example.com/path')).toBe('example.com');
    expect(normalizeHostname('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(normalizeHostname('not a host')).toBeUndefined();
    expect(normalizeHostname('')).toBeUndefined();
    expect(normalizeHostname('<script>')).toBeUndefined();
  });

  it('deny mode: annotates everywhere except listed sites and their subdomains', () => {
    const list = ['example.com'];
    expect(isSiteEnabled('example.com', 'deny', list)).toBe(false);
    expect(isSiteEnabled('www.example.com', 'deny', list)).toBe(false);
    expect(isSiteEnabled('notexample.com', 'deny', list)).toBe(true);
    expect(isSiteEnabled('other.org', 'deny', list)).toBe(true);
    expect(isSiteEnabled('', 'deny', list)).toBe(true);
  });

  it('allow mode: annotates only listed sites', () => {
    const list = ['attack.mitre.org'];
    expect(isSiteEnabled('attack.mitre.org', 'allow', list)).toBe(true);
    expect(isSiteEnabled('mitre.org', 'allow', list)).toBe(false);
    expect(isSiteEnabled('example.com', 'allow', list)).toBe(false);
    expect(isSiteEnabled('', 'allow', list)).toBe(false);
    expect(isSiteEnabled('anything.com', 'allow', [])).toBe(false);
  });

  it('turns one site off and on again in either mode', () => {
    expect(setSiteEnabled('www.example.com', false, 'deny', [])).toEqual(['www.example.com']);
    expect(setSiteEnabled('www.example.com', true, 'deny', ['example.com', 'other.org'])).toEqual(['other.org']);
    expect(setSiteEnabled('a.com', false, 'deny', ['a.com'])).toEqual(['a.com']);
    expect(setSiteEnabled('a.com', true, 'allow', [])).toEqual(['a.com']);
    expect(setSiteEnabled('www.a.com', false, 'allow', ['a.com', 'b.com'])).toEqual(['b.com']);
    expect(setSiteEnabled('not a host', false, 'deny', ['a.com'])).toEqual(['a.com']);
  });

  it('parses a typed list', () => {
    expect(parseSiteList('example.com\nhttps://b.org/x, example.com  bad_host!')).toEqual({
      hosts: ['example.com', 'b.org'],
      invalid: ['bad_host!'],
    });
  });
});
