import type { OrganisationTypeId } from '../../knowledge/schema.js';
import { legalBasisInForce } from '../../plan/rules.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { CliIo } from '../io.js';

interface BasisnormenOptions {
  type?: OrganisationTypeId;
  json?: boolean;
  kennisbank?: string;
}

/**
 * The 13 basisnormen, with where the law requires each: for one type (`--type`, as a plan of that type
 * with all its chapters shows it), or for every type, each provision with the types it holds for.
 */
export async function runBasisnormen(options: BasisnormenOptions, io: CliIo): Promise<number> {
  const kb = await loadKnowledgeForCli(io.cwd, options.kennisbank);
  const types = options.type ? [options.type] : kb.organisationTypes.map((type) => type.id);
  const listed = kb.basisnormen.normen.map((norm) => {
    const provisions = new Map<string, { doelgroep: string; vindplaats: string; typen: OrganisationTypeId[] }>();
    for (const type of types) {
      for (const basis of legalBasisInForce(kb, { organisatie: { type } }, norm)) {
        const entry = provisions.get(basis.vindplaats) ?? {
          doelgroep: basis.doelgroep,
          vindplaats: basis.vindplaats,
          typen: [],
        };
        entry.typen.push(type);
        provisions.set(basis.vindplaats, entry);
      }
    }
    return { norm, grondslag: [...provisions.values()] };
  });

  if (options.json) {
    const rows = listed.map(({ norm, grondslag }) => ({
      id: norm.id,
      titel: norm.titel,
      samenvatting: norm.samenvatting,
      grondslag,
      themas: norm.themas,
    }));
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const everyType = kb.organisationTypes.length;
  io.stdout(
    `De ${listed.length} basisnormen integriteit${options.type ? ` voor het type ${options.type}` : ''}; bron: ${kb.basisnormen.bron}.\n\n`,
  );
  for (const { norm, grondslag } of listed) {
    io.stdout(`${norm.id} — ${norm.titel}\n  ${norm.samenvatting}\n`);
    if (grondslag.length === 0) io.stdout('  Wettelijke grondslag: geen; de norm berust op de Modelaanpak.\n');
    for (const basis of grondslag) {
      const forTypes = options.type || basis.typen.length === everyType ? '' : ` (${basis.typen.join(', ')})`;
      io.stdout(`  Wettelijke grondslag: ${basis.vindplaats}${forTypes}\n`);
    }
    io.stdout('\n');
  }
  return 0;
}
