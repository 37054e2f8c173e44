// zod contracts of the regulations module (shared by the API and the web app).
export {};
