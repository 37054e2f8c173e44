export { Combobox, type PickerOption } from './combobox';
export { ObligationPicker, RiskPicker, SystemPicker, systemRegisters, type SystemValue } from './pickers';
