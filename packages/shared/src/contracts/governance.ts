// zod contracts of the governance module (shared by the API and the web app).
export {};
