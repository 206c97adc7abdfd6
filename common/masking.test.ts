import { describe, expect, it } from 'vitest';
import { maskPersonalId, maskPhone } from './masking.ts';

describe('maskPersonalId', () => {
  it('keeps the last four digits of a CCCD', () => {
    expect(maskPersonalId('001085012345')).toBe('********2345');
  });

  it('keeps the last four digits of an old CMND', () => {
    expect(maskPersonalId('123456789')).toBe('*****6789');
  });

  it('masks short values whole and passes null through', () => {
    expect(maskPersonalId('123')).toBe('***');
    expect(maskPersonalId(null)).toBeNull();
    expect(maskPersonalId(undefined)).toBeNull();
  });

  it('never returns the leading digits', () => {
    const masked = maskPersonalId('079203004567')!;
    expect(masked.startsWith('0792')).toBe(false);
    expect(masked).toHaveLength(12);
  });
});

describe('maskPhone', () => {
  it('keeps the first and last three digits', () => {
    expect(maskPhone('0901234567')).toBe('090****567');
  });

  it('drops spaces and dots before masking', () => {
    expect(maskPhone('0901.234.567')).toBe('090****567');
    expect(maskPhone('+84 901 234 567')).toBe('+84******567');
  });

  it('masks short numbers whole', () => {
    expect(maskPhone('113')).toBe('***');
    expect(maskPhone(null)).toBeNull();
  });
});
