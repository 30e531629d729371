/**
 * The command line's help, French first, English when the environment asks
 * for it (`LANG=en…`): `arbitra --help` lists the commands with one line
 * each, `arbitra help COMMAND` (or `arbitra COMMAND --help`) gives its
 * synopsis, a description, its options and an example. Every line holds in
 * 100 columns.
 */
import { TERMINAL_WIDTH, wrapText } from './format';

export type CliLang = 'fr' | 'en';

/** The help's language from the environment: English when LC_ALL, LC_MESSAGES or LANG starts with "en". */
export function cliLang(env: NodeJS.ProcessEnv = process.env): CliLang {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en\b|^en_/i.test(tag) ? 'en' : 'fr';
}

interface Words {
  summary: string;
  description: string;
  options: [string, string][];
  example: string;
}

interface CommandHelp {
  synopsis: string;
  fr: Words;
  en: Words;
}

const SCENARIO: Record<CliLang, [string, string]> = {
  fr: ['--scenario ID', 'scénario à utiliser (par défaut le premier, sinon réglages neutres)'],
  en: ['--scenario ID', 'scenario to use (the first by default, else neutral settings)'],
};
const JSON_OPT: Record<CliLang, [string, string]> = {
  fr: ['--json', 'une seule valeur JSON sur la sortie standard (progression sur l’erreur)'],
  en: ['--json', 'one JSON value on standard output (progress on standard error)'],
};

export const HELP: Record<string, CommandHelp> = {
  validate: {
    synopsis: 'validate FILE [--json]',
    fr: {
      summary: 'vérifie un portefeuille et liste chaque problème',
      description:
        'Lit FILE (.json, .arbitra ou .xlsx) et dit s’il est valide ; sinon, chaque problème avec son champ.',
      options: [JSON_OPT.fr],
      example: 'arbitra validate demo.json',
    },
    en: {
      summary: 'checks a portfolio and lists every problem',
      description:
        'Reads FILE (.json, .arbitra or .xlsx) and says whether it is valid; else every problem and its field.',
      options: [JSON_OPT.en],
      example: 'arbitra validate demo.json',
    },
  },
  optimize: {
    synopsis:
      'optimize FILE [--scenario ID] [--time-limit SECONDS] [--gap FRACTION] [--robustness]\n' +
      '               [--objective discounted|mandate] [--confidence C] [--iterations N] [--seed S]\n' +
      '               [--json]',
    fr: {
      summary: 'calcule le meilleur plan sous les enveloppes et capacités',
      description:
        'Choisit les projets et leurs années de démarrage qui apportent le plus de valeur sans dépasser\nles enveloppes ni les capacités des équipes ; compare au classement simple (valeur par euro).',
      options: [
        SCENARIO.fr,
        ['--time-limit SECONDS', 'temps de calcul maximal (30 par défaut)'],
        ['--gap FRACTION', 'écart toléré à l’optimum prouvé (0.0001 par défaut)'],
        ['--robustness', 'jusqu’où chaque poids de critère peut bouger sans changer le plan'],
        ['--objective', 'discounted (valeur actualisée) ou mandate (valeur livrée dans le mandat)'],
        ['--confidence C', 'tenir les enveloppes avec la probabilité C (par exemple 0.8)'],
        ['--iterations N, --seed S', 'déroulements simulés (20 000) et graine, avec --confidence'],
        JSON_OPT.fr,
      ],
      example: 'arbitra optimize demo.json --scenario reference --time-limit 30',
    },
    en: {
      summary: 'computes the best plan within the envelopes and capacities',
      description:
        'Chooses the projects and their start years that bring the most value without going over the\nenvelopes or the teams’ capacities; compares with the simple ranking (value per euro).',
      options: [
        SCENARIO.en,
        ['--time-limit SECONDS', 'maximum solving time (30 by default)'],
        ['--gap FRACTION', 'tolerated gap to the proven optimum (0.0001 by default)'],
        ['--robustness', 'how far each criterion weight may move without changing the plan'],
        ['--objective', 'discounted (discounted value) or mandate (value delivered in the term)'],
        ['--confidence C', 'hold the envelopes with probability C (for example 0.8)'],
        ['--iterations N, --seed S', 'simulated runs (20,000) and seed, with --confidence'],
        JSON_OPT.en,
      ],
      example: 'arbitra optimize demo.json --scenario reference --time-limit 30',
    },
  },
  frontier: {
    synopsis:
      'frontier FILE [--scenario ID] [--factors 0.5,0.75,1,1.25,1.5] [--confidence C]\n' +
      '               [--confidences 0.5,0.8,0.9,0.95] [--objective discounted|mandate] [--json]',
    fr: {
      summary: 'la valeur que chaque enveloppe d’investissement permet',
      description:
        'Recalcule le meilleur plan pour l’enveloppe multipliée par chaque facteur ; avec --confidences,\nle prix de la confiance : la valeur perdue pour tenir les enveloppes plus souvent.',
      options: [
        SCENARIO.fr,
        ['--factors LISTE', 'facteurs de l’enveloppe (0.5,0.75,1,1.25,1.5 par défaut)'],
        ['--confidences LISTE', 'niveaux de confiance du prix de la confiance'],
        ['--time-limit SECONDS', 'temps de calcul maximal par point'],
        JSON_OPT.fr,
      ],
      example: 'arbitra frontier demo.json --factors 0.8,1,1.2',
    },
    en: {
      summary: 'the value each investment envelope allows',
      description:
        'Recomputes the best plan for the envelope times each factor; with --confidences, the price of\nconfidence: the value given up to hold the envelopes more often.',
      options: [
        SCENARIO.en,
        ['--factors LIST', 'envelope factors (0.5,0.75,1,1.25,1.5 by default)'],
        ['--confidences LIST', 'confidence levels of the price of confidence'],
        ['--time-limit SECONDS', 'maximum solving time per point'],
        JSON_OPT.en,
      ],
      example: 'arbitra frontier demo.json --factors 0.8,1,1.2',
    },
  },
  simulate: {
    synopsis: 'simulate FILE [--scenario ID] [--iterations N] [--seed S] [--json]',
    fr: {
      summary: 'le risque du plan : dates, coûts et valeur probables',
      description:
        'Fait dérouler le plan du scénario des milliers de fois, durées et coûts tirés au hasard selon\nleurs estimations ; donne ce qui a de bonnes chances d’arriver.',
      options: [
        SCENARIO.fr,
        ['--iterations N', 'nombre de déroulements simulés (10 000 par défaut)'],
        ['--seed S', 'graine du hasard : la même graine donne les mêmes chiffres'],
        JSON_OPT.fr,
      ],
      example: 'arbitra simulate demo.json --iterations 20000 --seed 7',
    },
    en: {
      summary: 'the plan’s risk: likely dates, costs and value',
      description:
        'Runs the scenario’s plan thousands of times, durations and costs drawn at random from their\nestimates; gives what is likely to happen.',
      options: [
        SCENARIO.en,
        ['--iterations N', 'number of simulated runs (10,000 by default)'],
        ['--seed S', 'random seed: the same seed gives the same figures'],
        JSON_OPT.en,
      ],
      example: 'arbitra simulate demo.json --iterations 20000 --seed 7',
    },
  },
  finance: {
    synopsis: 'finance FILE [--scenario ID] [--json]',
    fr: {
      summary: 'le plan de financement, l’annexe AP/CP et le FCTVA',
      description:
        'Par exercice : investissement, subventions, FCTVA, fonctionnement et coût net pour la\ncollectivité ; puis l’annexe des autorisations de programme et crédits de paiement.',
      options: [SCENARIO.fr, JSON_OPT.fr],
      example: 'arbitra finance demo.json --scenario reference',
    },
    en: {
      summary: 'the financing plan, the AP/CP annex and the FCTVA',
      description:
        'Per budget year: investment, subsidies, FCTVA, running cost and net cost to the authority;\nthen the annex of programme authorisations and payment credits.',
      options: [SCENARIO.en, JSON_OPT.en],
      example: 'arbitra finance demo.json --scenario reference',
    },
  },
  weights: {
    synopsis: 'weights FILE [--json]',
    fr: {
      summary: 'les poids des critères, par membre du comité et pour le groupe',
      description:
        'À partir des comparaisons par paires de chaque membre : ses poids, leur cohérence, et les poids\ndu groupe.',
      options: [JSON_OPT.fr],
      example: 'arbitra weights demo.json',
    },
    en: {
      summary: 'the criteria weights, per committee member and for the group',
      description:
        'From each member’s pairwise comparisons: their weights, how consistent they are, and the\ngroup’s weights.',
      options: [JSON_OPT.en],
      example: 'arbitra weights demo.json',
    },
  },
  convert: {
    synopsis: 'convert IN OUT',
    fr: {
      summary: 'convertit entre .json, .arbitra et .xlsx',
      description: 'Lit IN, le vérifie, et l’écrit dans OUT au format de son extension.',
      options: [],
      example: 'arbitra convert demo.json demo.xlsx',
    },
    en: {
      summary: 'converts between .json, .arbitra and .xlsx',
      description: 'Reads IN, checks it, and writes it to OUT in the format of its extension.',
      options: [],
      example: 'arbitra convert demo.json demo.xlsx',
    },
  },
  'next-year': {
    synopsis: 'next-year FILE OUT [--scenario ID]',
    fr: {
      summary: 'le document de l’exercice suivant',
      description:
        'Poursuit les projets en cours, retire des candidats ceux livrés ou abandonnés, et écrit OUT.',
      options: [SCENARIO.fr],
      example: 'arbitra next-year budget-2027.json budget-2028.json',
    },
    en: {
      summary: 'the document of the next budget year',
      description:
        'Carries on the projects under way, removes those delivered or dropped from the candidates,\nand writes OUT.',
      options: [SCENARIO.en],
      example: 'arbitra next-year budget-2027.json budget-2028.json',
    },
  },
};

const HEAD: Record<CliLang, { usage: string; commands: string; more: string; exit: string }> = {
  fr: {
    usage: 'Usage : arbitra <commande> FILE [options]',
    commands: 'Commandes :',
    more: 'Aide d’une commande : arbitra help COMMANDE (en anglais : LANG=en arbitra --help).',
    exit: 'Code de sortie : 0 réussi, 1 document refusé ou problème sans solution, 2 usage incorrect.',
  },
  en: {
    usage: 'Usage: arbitra <command> FILE [options]',
    commands: 'Commands:',
    more: 'Help on a command: arbitra help COMMAND (in French: LANG=fr arbitra --help).',
    exit: 'Exit status: 0 success, 1 document refused or problem without solution, 2 bad usage.',
  },
};

/** The whole usage: every command's synopsis and what it does. */
export function usageText(lang: CliLang = cliLang()): string {
  const h = HEAD[lang];
  const lines = [h.usage, '', h.commands];
  for (const help of Object.values(HELP)) {
    lines.push(`  ${help.synopsis}`);
    lines.push(`      ${help[lang].summary}`);
  }
  lines.push('', h.more, h.exit, '');
  return lines.join('\n');
}

/** One command's help: synopsis, description, options, example; null for an unknown command. */
export function commandHelp(name: string, lang: CliLang = cliLang()): string | null {
  const help = Object.prototype.hasOwnProperty.call(HELP, name) ? HELP[name] : undefined;
  if (!help) return null;
  const w = help[lang];
  const fr = lang === 'fr';
  const width = Math.max(0, ...w.options.map(([flag]) => flag.length));
  const lines = [
    `${fr ? 'Usage :' : 'Usage:'} arbitra ${help.synopsis}`,
    '',
    `${w.summary.charAt(0).toUpperCase()}${w.summary.slice(1)}.`,
    wrapText(w.description.replace(/\n/g, ' '), TERMINAL_WIDTH),
  ];
  if (w.options.length > 0) {
    lines.push('', fr ? 'Options :' : 'Options:');
    for (const [flag, text] of w.options) lines.push(`  ${flag.padEnd(width)}  ${text}`);
  }
  lines.push('', fr ? 'Exemple :' : 'Example:', `  ${w.example}`, '');
  return lines.join('\n');
}
