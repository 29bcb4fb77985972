import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Raw, Repository } from 'typeorm';
import { DomainError, ErrorCode } from '@app/core';
import {
  CreateMunicipalityDto,
  CreateNeighbourhoodDto,
  CreateOrganisationDto,
  CreateTeamDto,
  CreateWijkservicepuntDto,
  UpdateMunicipalityDto,
  UpdateNeighbourhoodDto,
  UpdateOrganisationDto,
  UpdateTeamDto,
  UpdateWijkservicepuntDto,
} from './dto';
import { Municipality, Neighbourhood, Organisation, Team, Wijkservicepunt } from './entities';

/** Create and update of reference data by the functioneel beheerder. */
@Injectable()
export class ReferenceAdminService {
  constructor(
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(Neighbourhood) private readonly neighbourhoods: Repository<Neighbourhood>,
    @InjectRepository(Wijkservicepunt) private readonly servicePoints: Repository<Wijkservicepunt>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
  ) {}

  async createMunicipality(dto: CreateMunicipalityDto): Promise<Municipality> {
    if (await this.municipalities.existsBy({ code: dto.code })) {
      throw duplicate('code', 'Er is al een gemeente met deze code.');
    }
    await this.assertUniqueName(this.municipalities, {}, dto.name, 'Er is al een gemeente met deze naam.');
    return this.municipalities.save(this.municipalities.create(dto));
  }

  async updateMunicipality(id: string, dto: UpdateMunicipalityDto): Promise<Municipality> {
    const municipality = await this.found(this.municipalities.findOneBy({ id }), 'De gemeente');
    if (dto.name !== undefined) {
      await this.assertUniqueName(
        this.municipalities,
        {},
        dto.name,
        'Er is al een gemeente met deze naam.',
        id,
      );
    }
    return this.municipalities.save(Object.assign(municipality, defined(dto)));
  }

  async createNeighbourhood(dto: CreateNeighbourhoodDto): Promise<Neighbourhood> {
    await this.assertMunicipality(dto.municipalityId, 'municipalityId');
    await this.assertUniqueName(
      this.neighbourhoods,
      { municipalityId: dto.municipalityId },
      dto.name,
      'Deze gemeente heeft al een buurt met deze naam.',
    );
    return this.neighbourhoods.save(this.neighbourhoods.create(dto));
  }

  async updateNeighbourhood(id: string, dto: UpdateNeighbourhoodDto): Promise<Neighbourhood> {
    const neighbourhood = await this.found(this.neighbourhoods.findOneBy({ id }), 'De buurt');
    if (dto.name !== undefined) {
      await this.assertUniqueName(
        this.neighbourhoods,
        { municipalityId: neighbourhood.municipalityId },
        dto.name,
        'Deze gemeente heeft al een buurt met deze naam.',
        id,
      );
    }
    return this.neighbourhoods.save(Object.assign(neighbourhood, defined(dto)));
  }

  async createWijkservicepunt(dto: CreateWijkservicepuntDto): Promise<Wijkservicepunt> {
    await this.assertMunicipality(dto.municipalityId, 'municipalityId');
    if (dto.neighbourhoodId) await this.assertNeighbourhoodIn(dto.neighbourhoodId, dto.municipalityId);
    await this.assertUniqueName(
      this.servicePoints,
      {},
      dto.name,
      'Er is al een wijkservicepunt met deze naam.',
    );
    return this.servicePoints.save(
      this.servicePoints.create({ ...dto, neighbourhoodId: dto.neighbourhoodId ?? null }),
    );
  }

  async updateWijkservicepunt(id: string, dto: UpdateWijkservicepuntDto): Promise<Wijkservicepunt> {
    const point = await this.found(this.servicePoints.findOneBy({ id }), 'Het wijkservicepunt');
    if (dto.neighbourhoodId) await this.assertNeighbourhoodIn(dto.neighbourhoodId, point.municipalityId);
    if (dto.name !== undefined) {
      await this.assertUniqueName(
        this.servicePoints,
        {},
        dto.name,
        'Er is al een wijkservicepunt met deze naam.',
        id,
      );
    }
    return this.servicePoints.save(Object.assign(point, defined(dto)));
  }

  async createOrganisation(dto: CreateOrganisationDto): Promise<Organisation> {
    await this.assertUniqueName(this.organisations, {}, dto.name, 'Er is al een organisatie met deze naam.');
    return this.organisations.save(this.organisations.create(dto));
  }

  async updateOrganisation(id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    const organisation = await this.found(this.organisations.findOneBy({ id }), 'De organisatie');
    if (dto.name !== undefined) {
      await this.assertUniqueName(
        this.organisations,
        {},
        dto.name,
        'Er is al een organisatie met deze naam.',
        id,
      );
    }
    return this.organisations.save(Object.assign(organisation, defined(dto)));
  }

  async createTeam(dto: CreateTeamDto): Promise<Team> {
    if (!(await this.organisations.existsBy({ id: dto.organisationId }))) {
      throw unknownReference('organisationId', 'De organisatie bestaat niet.');
    }
    if (dto.municipalityId) await this.assertMunicipality(dto.municipalityId, 'municipalityId');
    await this.assertUniqueName(
      this.teams,
      { organisationId: dto.organisationId },
      dto.name,
      'Deze organisatie heeft al een team met deze naam.',
    );
    return this.teams.save(this.teams.create({ ...dto, municipalityId: dto.municipalityId ?? null }));
  }

  async updateTeam(id: string, dto: UpdateTeamDto): Promise<Team> {
    const team = await this.found(this.teams.findOneBy({ id }), 'Het team');
    if (dto.municipalityId) await this.assertMunicipality(dto.municipalityId, 'municipalityId');
    if (dto.name !== undefined) {
      await this.assertUniqueName(
        this.teams,
        { organisationId: team.organisationId },
        dto.name,
        'Deze organisatie heeft al een team met deze naam.',
        id,
      );
    }
    return this.teams.save(Object.assign(team, defined(dto)));
  }

  private async found<T>(lookup: Promise<T | null>, what: string): Promise<T> {
    const row = await lookup;
    if (!row) throw DomainError.notFound(what);
    return row;
  }

  private async assertMunicipality(id: string, field: string) {
    if (!(await this.municipalities.existsBy({ id }))) {
      throw unknownReference(field, 'De gemeente bestaat niet.');
    }
  }

  private async assertNeighbourhoodIn(neighbourhoodId: string, municipalityId: string) {
    const neighbourhood = await this.neighbourhoods.findOneBy({ id: neighbourhoodId });
    if (!neighbourhood) throw unknownReference('neighbourhoodId', 'De buurt bestaat niet.');
    if (neighbourhood.municipalityId !== municipalityId) {
      throw DomainError.rule('De buurt ligt niet in de gemeente van het wijkservicepunt.', 'neighbourhoodId');
    }
  }

  /** Names are unique case-insensitively (the unique indexes are on lower(name)). */
  private async assertUniqueName<T extends { id: string; name: string }>(
    repository: Repository<T>,
    scope: Record<string, string>,
    name: string,
    message: string,
    exceptId?: string,
  ) {
    const clash = await repository.exist({
      where: {
        ...scope,
        name: Raw((column) => `lower(${column}) = lower(:name)`, { name }),
        ...(exceptId ? { id: Not(exceptId) } : {}),
      } as never,
    });
    if (clash) throw duplicate('name', message);
  }
}

function duplicate(field: string, message: string) {
  return DomainError.conflict(message, { errors: [{ field, message }] });
}

function unknownReference(field: string, message: string) {
  return new DomainError(ErrorCode.NotFound, message, { errors: [{ field, message }] });
}

/** Only the fields the request set: an absent field must not overwrite the stored value. */
function defined<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}
