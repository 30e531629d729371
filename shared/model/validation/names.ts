/**
 * The French names of the document's fields, as a finance officer reads them
 * in a sentence (« le calendrier des crédits de paiement »). `describe.ts`
 * turns a JSON path into these words.
 */

export const TOP_LEVEL: Record<string, string> = {
  format: 'le format du document',
  version: 'la version du format',
  organisation: "l'organisation",
  horizon: "l'horizon de planification",
  mandateEnd: 'la fin du mandat',
  criteria: 'la liste des critères',
  axes: 'la liste des axes du projet de mandature',
  directions: 'la liste des directions',
  teams: 'la liste des équipes',
  budget: 'le budget',
  projects: 'la liste des projets',
  risk: 'la section des réglages de risque',
  scenarios: 'la liste des scénarios',
  decisions: 'le relevé des décisions',
  criteriaJudgements: 'les comparaisons des critères par les membres du comité',
  actuals: "le suivi d'exécution (crédits payés)",
  baseline: 'le plan adopté en comité',
};

export const PROJECT_FIELDS: Record<string, string> = {
  id: "l'identifiant",
  name: 'le nom',
  usage: "l'usage visé",
  direction: 'la direction',
  sponsor: 'le commanditaire',
  axes: 'la liste des axes',
  scores: 'la grille des notes',
  investment: 'le calendrier des crédits de paiement',
  staff: 'le besoin en personnel',
  runCost: 'le coût de fonctionnement annuel',
  savings: 'le montant annuel des économies',
  subsidyRate: 'le taux de subvention',
  subsidySource: "l'origine de la subvention",
  partnerShare: 'la part financée par les partenaires',
  fctvaEligible: "l'éligibilité au FCTVA",
  durationMonths: 'la durée estimée (en mois)',
  costFactor: 'le coefficient d’incertitude sur le coût',
  dependsOn: 'la liste des prérequis',
  excludes: 'la liste des projets incompatibles',
  mandatory: 'le caractère obligatoire',
  earliestStart: "l'année de démarrage au plus tôt",
  fixedStart: "l'année de démarrage imposée",
  deadline: 'la date limite de livraison',
  selfFinancingFloor: "la part minimale d'autofinancement",
  apNumber: "le numéro d'autorisation de programme",
};

export const THREE_POINT_DURATION: Record<string, string> = {
  low: 'la durée optimiste (en mois)',
  mode: 'la durée la plus probable (en mois)',
  high: 'la durée pessimiste (en mois)',
};
export const THREE_POINT_COST: Record<string, string> = {
  low: 'le coefficient de coût optimiste',
  mode: 'le coefficient de coût le plus probable',
  high: 'le coefficient de coût pessimiste',
};

export const BLACK_SWAN_FIELDS: Record<string, string> = {
  probability: 'la probabilité du « cygne noir »',
  scheduleFactor: 'le multiplicateur de durée du « cygne noir »',
  costFactor: 'le multiplicateur de coût du « cygne noir »',
};

export const SIMPLE_FIELDS: Record<string, Record<string, string>> = {
  organisation: {
    name: 'le nom',
    kind: 'le type de collectivité',
    fctvaRegime: 'le régime de versement du FCTVA',
    fctvaRate: 'le taux de FCTVA',
  },
  horizon: { firstYear: 'la première année', years: "le nombre d'années" },
  criteria: { id: "l'identifiant", label: 'le libellé', weight: 'le poids' },
  axes: { id: "l'identifiant", label: 'le libellé' },
  directions: {
    id: "l'identifiant",
    label: 'le libellé',
    maxConcurrent: 'le nombre maximal de projets menés en même temps',
  },
  teams: { id: "l'identifiant", label: 'le libellé', capacity: 'la capacité (jours-homme par an)' },
  budget: {
    investment: "l'enveloppe d'investissement",
    operating: "l'enveloppe de fonctionnement",
  },
  risk: {
    distribution: 'la loi de probabilité',
    correlation: 'la corrélation entre projets',
    blackSwan: 'le « cygne noir »',
    referenceClass: 'la classe de référence du risque',
  },
  scenarios: {
    id: "l'identifiant",
    name: 'le nom',
    budgetFactor: "le groupe des coefficients d'enveloppe",
    capacityFactor: 'le coefficient appliqué à la capacité des équipes',
    forceIn: 'la liste des projets imposés',
    forceOut: 'la liste des projets écartés',
    timePreference: 'la préférence pour le présent (valeur perdue par année de décalage)',
    savingsCredit: 'la part des économies annoncées qui est retenue',
    plan: 'le plan',
    objective: "l'objectif de l'optimisation",
    confidence: 'le niveau de confiance demandé pour tenir les enveloppes',
    notBefore: 'les démarrages reportés',
  },
  decisions: {
    date: 'la date',
    meeting: "l'instance",
    project: 'le projet concerné',
    decision: 'la décision',
    rationale: 'la motivation',
    until: "l'année de report",
  },
  criteriaJudgements: { member: 'le membre du comité', pairs: 'les comparaisons par paires' },
  baseline: {
    date: 'la date',
    meeting: "l'instance",
    scenario: 'le scénario de référence',
    plan: 'le plan',
  },
  actuals: {
    project: 'le projet concerné',
    year: "l'exercice",
    paid: 'le montant payé',
    status: "l'état d'avancement",
  },
};

/** Sections that are one object, not a list. */
export const SINGLE_SECTIONS = new Set(['organisation', 'horizon', 'budget', 'risk', 'baseline']);

/** Sections whose items carry an id: the noun and the noun with its article. */
export const NAMES_OF: Record<string, [string, string]> = {
  projects: ['projet', 'le projet'],
  criteria: ['critère', 'le critère'],
  teams: ['équipe', "l'équipe"],
  directions: ['direction', 'la direction'],
  axes: ['axe', "l'axe"],
  scenarios: ['scénario', 'le scénario'],
};
