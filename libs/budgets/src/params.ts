import { ParseIntPipe, PipeTransform } from '@nestjs/common';
import { DomainError } from '@app/core';

export { uuidParam } from '@app/core';

/** A budget year in the path (2020-2100). */
export class BudgetYearPipe implements PipeTransform<string, Promise<number>> {
  private readonly int = new ParseIntPipe({
    exceptionFactory: () => DomainError.invalidField('year', 'year moet een jaartal zijn.'),
  });

  async transform(value: string): Promise<number> {
    const year = await this.int.transform(value, { type: 'param', data: 'year' });
    if (year < 2020 || year > 2100)
      throw DomainError.invalidField('year', 'year moet tussen 2020 en 2100 liggen.');
    return year;
  }
}
