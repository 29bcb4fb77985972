import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { api } from '../api/client';
import type { Municipality, Neighbourhood, Organisation } from '../api/types';
import { useResource } from './use-resource';

export interface ReferenceData {
  ready: boolean;
  municipalities: Municipality[];
  neighbourhoods: Neighbourhood[];
  organisations: Organisation[];
  municipalityName(id: string | null | undefined): string;
  neighbourhoodName(id: string | null | undefined): string;
  organisationName(id: string | null | undefined): string;
}

const empty: ReferenceData = {
  ready: false,
  municipalities: [],
  neighbourhoods: [],
  organisations: [],
  municipalityName: () => '',
  neighbourhoodName: () => '',
  organisationName: () => '',
};
const ReferenceContext = createContext<ReferenceData>(empty);

/** Municipalities, neighbourhoods and organisations, loaded once per session. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const resource = useResource(
    (signal) =>
      Promise.all([
        api.get<Municipality[]>('/reference/municipalities', { signal }),
        api.get<Neighbourhood[]>('/reference/neighbourhoods', { signal }),
        api.get<Organisation[]>('/reference/organisations', { signal }),
      ]),
    [],
  );
  const value = useMemo<ReferenceData>(() => {
    if (!resource.data) return empty;
    const [municipalities, neighbourhoods, organisations] = resource.data;
    const byId = <T extends { id: string; name: string }>(rows: T[]) => {
      const map = new Map(rows.map((r) => [r.id, r.name]));
      return (id: string | null | undefined) => (id ? (map.get(id) ?? '') : '');
    };
    return {
      ready: true,
      municipalities,
      neighbourhoods,
      organisations,
      municipalityName: byId(municipalities),
      neighbourhoodName: byId(neighbourhoods),
      organisationName: byId(organisations),
    };
  }, [resource.data]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): ReferenceData {
  return useContext(ReferenceContext);
}
