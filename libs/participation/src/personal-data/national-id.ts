/** The validator lives in the shared kernel: free-text checks in every context need it too. */
export {
  checkNationalId,
  mod11CheckDigit,
  nationalIdProblem,
  type NationalIdCheck,
} from '@app/shared-kernel';
