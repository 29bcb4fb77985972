import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorized } from '@app/access';
import { NoPersonalData } from '@app/audit';
import { uuidParam } from '@app/core';
import { CatalogueFilterDto, CreateProductDto, UpdateProductDto } from './dto';
import { Product } from './entities';
import { CatalogueService } from './catalogue.service';

const uuid = uuidParam();

/** The product catalogue: every user lists it, the functioneel beheerder maintains it. */
@ApiTags('catalogue')
@NoPersonalData()
@Controller('catalogue/products')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Authorized('read', 'ReferenceData')
  @ApiOkResponse({ type: Product, isArray: true })
  list(@Query() filter: CatalogueFilterDto) {
    return this.catalogue.list(filter);
  }

  @Post()
  @Authorized('create', 'Catalogue')
  @ApiCreatedResponse({ type: Product })
  create(@Body() dto: CreateProductDto) {
    return this.catalogue.create(dto);
  }

  @Patch(':id')
  @Authorized('update', 'Catalogue')
  @ApiOkResponse({ type: Product })
  update(@Param('id', uuid) id: string, @Body() dto: UpdateProductDto) {
    return this.catalogue.update(id, dto);
  }
}
