/**
 * English strings of the chapter components (src/components/chapter/*, Cite): the boxes, labels,
 * captions and units they print around a chapter's own text. The chapter's prose is the MDX's.
 * `ChapterStrings` is the shape every language implements (src/i18n/zh-CN/chapter.ts).
 */
import type { QuestionKind } from '../../components/chapter/question-kinds.ts';
import { ENGLISH_LOCATOR, type LocatorWords } from '../../lib/bibliography/references.ts';
import type { ArithmeticTopic } from '../../components/chapter/arithmetic-topics.ts';

/** A topic's section on the reference page in one language. */
export interface TopicEntry {
  /** The heading's id on the reference page. */
  readonly anchor: string;
  /** The heading's text, which the anchor is derived from. */
  readonly heading: string;
  /**
   * The quantity's formula, plain text (i input side, k kernel, s stride, p padding, d dilation);
   * `_x` marks a subscript, as in C_in.
   */
  readonly formula: string;
}

/** A Try-this widget's name and its URL keys' labels in one language. */
export interface WidgetWords {
  readonly title: string;
  /** Each schema key's label as it reads inside a sentence ("learning rate"). */
  readonly params: Readonly<Record<string, string>>;
}

/** What every language says in the chapter components. */
export interface ChapterStrings {
  /** The BCP 47 tag numbers are formatted for (Intl.NumberFormat). */
  readonly numberLocale: string;
  readonly learningGoals: string;
  readonly tryThis: {
    readonly label: string;
    /** The link's text: widget `title`, the state in words (`summary`). */
    readonly open: (title: string, summary: string) => string;
    readonly on: string;
    readonly off: string;
    /** Between a label and its value ("depth 32"). */
    readonly labelValue: (label: string, value: string) => string;
    readonly separator: string;
    /** The widgets' names and labels; null: the registry's (English) ones. */
    readonly widgets: Readonly<Record<string, WidgetWords>> | null;
  };
  readonly quiz: {
    readonly label: string;
    readonly showAnswer: string;
    readonly kinds: Readonly<Record<QuestionKind, string>>;
  };
  readonly timeline: string;
  readonly arithmeticBox: {
    /** The title around the link to the reference page: before, link text, after. */
    readonly title: readonly [string, string, string];
    /** Where the reference page is in this language. */
    readonly page: string;
    /** Each topic's heading on the reference page, its anchor (the heading's slug) and formula. */
    readonly topics: Readonly<Record<ArithmeticTopic, TopicEntry>>;
  };
  readonly workedExample: {
    readonly label: (model: string, layers: string) => string;
    /** Text after the output size, around the output shape. */
    readonly output: readonly [string, string];
    readonly params: string;
    readonly macs: string;
    readonly values: string;
    /** The memory line before its result: "{values} values × {bytes} bytes (float32) × batch {batch} = ". */
    readonly memory: (values: string, bytes: number, batch: number) => string;
  };
  readonly dilationStack: {
    readonly caption: (name: string, input: string) => string;
    readonly headers: readonly [string, string, string, string, string, string, string];
  };
  readonly modelCode: {
    /** The disclosure holding the two listings, with their lengths in lines. */
    readonly show: (tfjsLines: number, pytorchLines: number) => string;
    readonly caption: (name: string) => string;
    readonly layouts: string;
  };
  readonly recorded: {
    readonly moreThan: (steps: string) => string;
  };
  /** A citation's locator ("Table 6"); the cited work's own entry stays in its language. */
  readonly cite: LocatorWords;
}

export const chapter: ChapterStrings = {
  numberLocale: 'en-US',
  learningGoals: 'In this chapter you will learn to',
  tryThis: {
    label: 'Try this',
    open: (title, summary) => `Open ${title} with ${summary}`,
    on: 'on',
    off: 'off',
    labelValue: (label, value) => `${label} ${value}`,
    separator: ', ',
    widgets: null,
  },
  quiz: {
    label: 'Check yourself questions',
    showAnswer: 'Show the answer',
    kinds: { calculation: 'Calculate', prediction: 'Predict', recall: 'Recall' },
  },
  timeline: 'Timeline',
  arithmeticBox: {
    title: ['', 'Convolution arithmetic', ' used in this chapter'],
    page: '/conv-arithmetic/',
    topics: {
      'output-size': { anchor: 'output-size', heading: 'Output size', formula: 'o = ⌊(i + 2p − k) / s⌋ + 1' },
      padding: { anchor: 'padding', heading: 'Padding', formula: "'same' size at stride 1: p = (k − 1) / 2" },
      stride: { anchor: 'stride', heading: 'Stride', formula: "with 'same' padding, o = ⌈i / s⌉" },
      dilation: { anchor: 'dilation', heading: 'Dilation', formula: 'effective kernel k + (k − 1)(d − 1)' },
      parameters: { anchor: 'parameters', heading: 'Parameters', formula: 'k·k·(C_in / g)·C_out + C_out' },
      macs: {
        anchor: 'multiply-accumulates',
        heading: 'Multiply-accumulates',
        formula: 'o·o·k·k·(C_in / g)·C_out',
      },
      groups: {
        anchor: 'grouped-and-depthwise-convolutions',
        heading: 'Grouped and depthwise convolutions',
        formula: 'g groups divide weights and MACs by g',
      },
      memory: {
        anchor: 'activation-memory',
        heading: 'Activation memory',
        formula: 'h·w·c values × 4 bytes (float32) × batch',
      },
    },
  },
  workedExample: {
    label: (model, layers) => `Worked example: ${model}, ${layers}`,
    output: [', a ', ' output'],
    params: ' parameters',
    macs: ' MACs per example',
    values: ' values',
    memory: (values, bytes, batch) => `${values} values × ${bytes} bytes (float32) × batch ${batch} = `,
  },
  dilationStack: {
    caption: (name, input) => `${name} on a ${input} input, each padded by its dilation`,
    headers: ['Layer', 'Dilation d', 'Padding p', 'Effective kernel', 'Output', 'Receptive field', 'Parameters'],
  },
  modelCode: {
    show: (tfjsLines, pytorchLines) => `The code: TF.js (${tfjsLines} lines) and PyTorch (${pytorchLines} lines)`,
    caption: (name) =>
      `${name} as code, generated from the site's model zoo, the same spec the diagrams and numbers on this page come from.`,
    layouts:
      'The two listings build the same layers; TF.js stores images as height × width × channels, PyTorch as channels × height × width.',
  },
  recorded: {
    moreThan: (steps) => `more than ${steps}`,
  },
  cite: ENGLISH_LOCATOR,
};
