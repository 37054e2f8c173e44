// zod contracts of the pki module (shared by the API and the web app).
export {};
