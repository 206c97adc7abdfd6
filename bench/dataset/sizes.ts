// Dataset sizes of the benchmark. A province is one province's tree (all province-level
// agencies and some communes); the national dataset is all 34 provinces of the 2025 catalog
// with every commune, under one national root so that a single grant covers the whole country.

export const datasetSizes = ['tiny', 'province', 'national'] as const;
export type DatasetSize = (typeof datasetSizes)[number];

export interface DatasetProfile {
  size: DatasetSize;
  /** People to generate, holding groups included. */
  people: number;
  /** Province codes (catalog provinces_2025) to build; national builds every province. */
  provinceCodes: 'all' | string[];
  /** Communes kept per province; undefined keeps every commune of the catalog. */
  communesPerProvince?: number;
  /** Province-level agencies kept per province (in the order of the demo list); undefined keeps all 16. */
  provinceAgenciesPerProvince?: number;
  /** Whether the provinces hang under a national root unit. */
  nationalRoot: boolean;
  seed: number;
}

/** The demo province, Quảng Trị, whose tree the demo server builds. */
export const BENCH_PROVINCE_CODE = '44';

export const datasetProfiles: Record<DatasetSize, DatasetProfile> = {
  // Small enough for the smoke test: a few hundred people in about 50 units.
  tiny: {
    size: 'tiny',
    people: 400,
    provinceCodes: [BENCH_PROVINCE_CODE],
    communesPerProvince: 2,
    provinceAgenciesPerProvince: 3,
    nationalRoot: false,
    seed: 7,
  },
  // 16 province-level agencies (208 divisions) and 35 communes give about 600 units.
  province: {
    size: 'province',
    people: 30_000,
    provinceCodes: [BENCH_PROVINCE_CODE],
    communesPerProvince: 35,
    nationalRoot: false,
    seed: 2025,
  },
  // 34 provinces × 230 province-level units plus 3,314 communes with their divisions: about 43,000 units.
  national: { size: 'national', people: 2_000_000, provinceCodes: 'all', nationalRoot: true, seed: 2025 },
};

export function isDatasetSize(value: string): value is DatasetSize {
  return (datasetSizes as readonly string[]).includes(value);
}
