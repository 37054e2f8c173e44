// zod contracts of the certificates module (shared by the API and the web app).
export {};
