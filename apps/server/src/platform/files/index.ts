/** Public API of the files platform module (storage, upload inspection, encryption at rest). */
export {
  LocalDiskStorage,
  InvalidStorageKey,
  StorageKeyNotFound,
  isSafeStorageKey,
  readStreamToBuffer,
  type FileStorage,
} from './storage.js';
export {
  inspectUpload,
  isCleanUtf8Text,
  normaliseExt,
  sha256Hex,
  UploadRejected,
  DEFAULT_ALLOWED_TYPES,
  DEFAULT_MAX_UPLOAD_BYTES,
  TEXT_TYPES,
  type InspectOptions,
  type InspectedUpload,
  type UploadRejectionKey,
} from './inspect.js';
export {
  encryptBuffer,
  decryptBuffer,
  loadOrCreateMasterKey,
  parseMasterKey,
  masterKeyId,
  isEncryptedBlob,
  DecryptionError,
  ENC_MAGIC,
  ENC_VERSION,
  ENC_HEADER_LEN,
  MASTER_KEY_RELATIVE_PATH,
} from './crypto.js';
export {
  createFileService,
  newStorageKey,
  IntegrityError,
  type FileService,
  type FileServiceOptions,
  type StoreOptions,
  type StoredFile,
  type ReadOptions,
} from './service.js';
