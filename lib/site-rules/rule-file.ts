import { type NotImported, importFtrConfig } from './ftr';

/**
 * What a rule file holds, as data for the schema to check: a JSON file (one rule, an array or
 * a rule pack), or an ftr-site-config `.txt` file (the site named by the file, its lines that
 * have no equivalent listed). The CLI's --rules and the options page's import both read files so.
 */
export type RuleFileData = { data: unknown; notImported: NotImported[] } | { error: string };

export function ruleFileData(fileName: string, text: string): RuleFileData {
  if (/\.txt$/i.test(fileName)) {
    const { rule, notImported } = importFtrConfig(text, fileName);
    return { data: rule ? [rule] : [], notImported };
  }
  try {
    return { data: JSON.parse(text), notImported: [] };
  } catch (err) {
    return { error: `not JSON (${(err as Error).message})` };
  }
}
