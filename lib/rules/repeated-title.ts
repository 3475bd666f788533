import { squash } from '../blocks';
import { type Rule, dropWhere } from './types';

/**
 * The headline repeated inside the body.
 *
 * Forum posts and mirrors often repeat the headline as the first lines of the body.
 */
export const repeatedTitleRule: Rule = {
  id: 'repeated-title',
  apply: (blocks, ctx) => {
    const title = ctx.title ? squash(ctx.title) : '';
    return dropWhere(blocks, (text) => title.length > 0 && squash(text) === title);
  },
};
