/** English UI strings: runtimeCheck. One module per section, so a page's scripts carry only the strings they use. */
export const runtimeCheck = {
  depthLabel: 'Residual blocks',
  caption:
    'The gradient of one output unit with respect to every input pixel, computed live in your browser. Deeper stacks spread it wider.',
  dataSummary: 'Data: gradient magnitude per input row',
  rowHeader: 'Input row',
  valueHeader: 'Σ |∂unit/∂input| over the row',
  triggerError: 'Ask for a unit outside the network (shows an error)',
} as const;
