import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Municipality, Neighbourhood, Organisation, Team, Wijkservicepunt } from './entities';

/**
 * What other bounded contexts ask of the reference data. Other libs use this service, never the tables.
 */
@Injectable()
export class ReferenceService {
  constructor(
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(Neighbourhood) private readonly neighbourhoods: Repository<Neighbourhood>,
    @InjectRepository(Wijkservicepunt) private readonly servicePoints: Repository<Wijkservicepunt>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
  ) {}

  municipalityExists(id: string): Promise<boolean> {
    return this.municipalities.existsBy({ id });
  }

  /** The ids among `ids` that are not a municipality (empty when all exist). */
  async unknownMunicipalityIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.municipalities.find({ select: { id: true }, where: { id: In([...ids]) } });
    const known = new Set(found.map((m) => m.id));
    return ids.filter((id) => !known.has(id));
  }

  municipality(id: string): Promise<Municipality | null> {
    return this.municipalities.findOneBy({ id });
  }

  listMunicipalities(): Promise<Municipality[]> {
    return this.municipalities.find({ order: { name: 'ASC' } });
  }

  neighbourhood(id: string): Promise<Neighbourhood | null> {
    return this.neighbourhoods.findOneBy({ id });
  }

  /** True when the neighbourhood exists and lies in the municipality (an address must be consistent). */
  neighbourhoodInMunicipality(neighbourhoodId: string, municipalityId: string): Promise<boolean> {
    return this.neighbourhoods.existsBy({ id: neighbourhoodId, municipalityId });
  }

  listNeighbourhoods(municipalityId?: string): Promise<Neighbourhood[]> {
    return this.neighbourhoods.find({
      where: municipalityId ? { municipalityId } : {},
      order: { name: 'ASC' },
    });
  }

  wijkservicepunt(id: string): Promise<Wijkservicepunt | null> {
    return this.servicePoints.findOneBy({ id });
  }

  listWijkservicepunten(municipalityId?: string): Promise<Wijkservicepunt[]> {
    return this.servicePoints.find({
      where: municipalityId ? { municipalityId } : {},
      order: { name: 'ASC' },
    });
  }

  /** Pass the caller's `manager` inside a transaction (see organisationsByIds). */
  organisation(id: string, manager?: EntityManager): Promise<Organisation | null> {
    return (manager?.getRepository(Organisation) ?? this.organisations).findOneBy({ id });
  }

  /**
   * The organisations with these ids that exist (unknown ids are simply absent). Pass the caller's
   * `manager` inside a transaction, so that the lookup uses its connection instead of a second one.
   */
  organisationsByIds(ids: readonly string[], manager?: EntityManager): Promise<Organisation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return (manager?.getRepository(Organisation) ?? this.organisations).findBy({ id: In([...ids]) });
  }

  listOrganisations(): Promise<Organisation[]> {
    return this.organisations.find({ order: { name: 'ASC' } });
  }

  team(id: string): Promise<Team | null> {
    return this.teams.findOneBy({ id });
  }

  /** The teams with these ids that exist (unknown ids are simply absent). */
  teamsByIds(ids: readonly string[]): Promise<Team[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.teams.findBy({ id: In([...ids]) });
  }

  listTeams(organisationId?: string): Promise<Team[]> {
    return this.teams.find({ where: organisationId ? { organisationId } : {}, order: { name: 'ASC' } });
  }
}
