import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Pillar } from '@app/access';
import { Clock, DomainError, ErrorCode } from '@app/core';
import { CatalogueFilterDto, CreateProductDto, UpdateProductDto } from './dto';
import { Product } from './entities';

/** The product catalogue per pillar: everyone reads it, the functioneel beheerder maintains it. */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(filter: CatalogueFilterDto): Promise<Product[]> {
    const qb = this.dataSource.getRepository(Product).createQueryBuilder('p');
    if (filter.pillar) qb.andWhere('p.pillar = :pillar', { pillar: filter.pillar });
    if (!filter.includeInactive) qb.andWhere('p.active = true');
    return qb.orderBy('p.pillar', 'ASC').addOrderBy('p.name', 'ASC').getMany();
  }

  async create(dto: CreateProductDto): Promise<Product> {
    if (dto.pillar === 'JEUGD' && dto.category !== 'jeugdhulp') {
      throw DomainError.invalidField(
        'category',
        "Jeugdproducten hebben categorie 'jeugdhulp': de samenvatting mag de soort jeugdhulp niet verraden.",
      );
    }
    return this.dataSource.transaction(async (m) => {
      await this.assertFree(m, dto.pillar, dto.name, dto.code);
      return m.save(m.create(Product, { ...dto, active: true }));
    });
  }

  async update(id: string, dto: UpdateProductDto): Promise<Product> {
    return this.dataSource.transaction(async (m) => {
      const product = await m.findOneBy(Product, { id });
      if (!product) throw DomainError.notFound('Dit product');
      if (dto.category && product.pillar === 'JEUGD' && dto.category !== 'jeugdhulp') {
        throw DomainError.invalidField('category', "Jeugdproducten hebben categorie 'jeugdhulp'.");
      }
      if (dto.name && dto.name.toLowerCase() !== product.name.toLowerCase()) {
        await this.assertFree(m, product.pillar, dto.name);
      }
      await m.update(Product, { id }, { ...dto, updatedAt: this.clock.now() });
      return (await m.findOneBy(Product, { id }))!;
    });
  }

  /** A product that may be chosen for a new indication of this pillar. */
  async assertUsable(m: EntityManager, productId: string, pillar: Pillar): Promise<Product> {
    const product = await m.findOneBy(Product, { id: productId });
    if (!product) throw DomainError.invalidField('productId', 'Dit product staat niet in de catalogus.');
    if (product.pillar !== pillar) {
      throw DomainError.invalidField(
        'productId',
        `Dit product hoort bij pijler ${product.pillar}, niet bij ${pillar}.`,
      );
    }
    if (!product.active) throw DomainError.invalidField('productId', 'Dit product wordt niet meer ingezet.');
    return product;
  }

  private async assertFree(m: EntityManager, pillar: Pillar, name: string, code?: string) {
    if (code && (await m.existsBy(Product, { code }))) {
      throw new DomainError(ErrorCode.Conflict, 'Deze productcode bestaat al.', {
        errors: [{ field: 'code', message: 'bestaat al' }],
      });
    }
    const sameName = await m
      .getRepository(Product)
      .createQueryBuilder('p')
      .andWhere('p.pillar = :pillar AND lower(p.name) = lower(:name)', { pillar, name })
      .getExists();
    if (sameName) {
      throw new DomainError(ErrorCode.Conflict, 'Deze pijler heeft al een product met deze naam.', {
        errors: [{ field: 'name', message: 'bestaat al' }],
      });
    }
  }
}
