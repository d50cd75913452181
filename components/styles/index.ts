import { candidateSwitcherCss } from './candidate-switcher';
import { cardCss } from './card';
import { themeCss } from './theme';

export { candidateSwitcherCss, cardCss, themeCss };

/** Everything a surface showing cards needs, in cascade order. */
export const cardStyles = [themeCss, cardCss, candidateSwitcherCss].join('\n');
