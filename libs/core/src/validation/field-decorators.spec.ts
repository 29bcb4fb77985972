import { DECORATORS } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsBsn } from './bsn';
import { IsPostcode } from './postcode';

class Fields {
  @IsBsn() bsn: string;
  @IsBsn({ optional: true }) otherBsn?: string;
  @IsPostcode() postcode: string;
  @IsPostcode({ optional: true }) otherPostcode?: string;
}

const documented = (property: keyof Fields) =>
  Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, Fields.prototype, property) as Record<string, unknown>;
const failing = (plain: object) =>
  validateSync(plainToInstance(Fields, plain)).map((error) => error.property);

describe('BSN and postcode fields document what they validate', () => {
  it('documents a required field as required and an optional one as optional', () => {
    // @nestjs/swagger leaves `required` out for a required property (its default).
    expect(documented('bsn')).toMatchObject({ pattern: '^[0-9]{8,9}$' });
    expect(documented('bsn').required).not.toBe(false);
    expect(documented('otherBsn')).toMatchObject({ required: false, pattern: '^[0-9]{8,9}$' });
    expect(documented('postcode')).toMatchObject({ example: '6211AB' });
    expect(documented('postcode').required).not.toBe(false);
    expect(documented('otherPostcode')).toMatchObject({ required: false });
  });

  it('accepts the optional fields left out, and refuses the required ones left out', () => {
    expect(failing({})).toEqual(['bsn', 'postcode']);
    expect(failing({ bsn: '10000008', postcode: '6211 ab' })).toEqual([]);
  });

  it('still checks an optional field that is sent', () => {
    expect(
      failing({ bsn: '111222333', postcode: '6211AB', otherBsn: '123456789', otherPostcode: '0211AB' }),
    ).toEqual(['otherBsn', 'otherPostcode']);
  });
});
