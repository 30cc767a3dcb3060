/**
 * Given and family names by region, as clinics in those places (or their diasporas) write them.
 * Accents are kept (search must find "José" from "jose"); a few regions are in their own script
 * (search must find them by what is typed, never by a transliteration).
 */
export const REGIONS = [
  'west-african',
  'south-asian',
  'hispanic',
  'arabic',
  'east-asian',
  'slavic',
  'anglo',
  'non-latin',
] as const;
export type Region = (typeof REGIONS)[number];

/** Share of patients from each region; sums to 100. */
export const REGION_WEIGHTS: Readonly<Record<Region, number>> = {
  'west-african': 16,
  'south-asian': 16,
  hispanic: 16,
  arabic: 12,
  'east-asian': 12,
  slavic: 10,
  anglo: 13,
  'non-latin': 5,
};

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
  /** Chance that a second given name is added (e.g. "María José", "Oluwaseun Adebayo"). */
  secondGivenName: number;
  /** Chance of a two-part family name (e.g. "García López"). */
  compoundFamily: number;
  phone: PhoneStyle;
  cities: readonly string[];
  country: string;
  nationalId: { system: string; letters: number; digits: number };
  /**
   * When set, each name list is made of groups of this many names in one script, in the same
   * order in every list, so a patient's given and family names come from one script.
   */
  scriptGroupSize?: number;
}

export interface PhoneStyle {
  countryCode: string;
  /** National significant number length (digits after the country code and trunk 0). */
  length: number;
  /** First digits of mobile numbers. */
  mobilePrefixes: readonly string[];
  /** Digit groups for display, e.g. [3, 3, 4]. */
  groups: readonly number[];
  trunkZero: boolean;
}

export const NAME_POOLS: Readonly<Record<Region, NamePool>> = {
  'west-african': {
    female: ['Adaeze', 'Chiamaka', 'Ngozi', 'Funmilayo', 'Folake', 'Abena', 'Akosua', 'Ama', 'Efua', 'Aisha', 'Hauwa', 'Zainab', 'Yetunde', 'Titilayo', 'Oluwaseun', 'Chinwe', 'Ifeoma', 'Nkechi', 'Adwoa', 'Esi', 'Fatoumata', 'Aminata', 'Mariama', 'Awa', 'Kadiatou'],
    male: ['Chukwuemeka', 'Obinna', 'Emeka', 'Babatunde', 'Olumide', 'Kwame', 'Kofi', 'Kwabena', 'Yaw', 'Ibrahim', 'Musa', 'Abdullahi', 'Tunde', 'Segun', 'Chidi', 'Ikenna', 'Kwesi', 'Mamadou', 'Ousmane', 'Moussa', 'Sekou', 'Amadou', 'Adebayo', 'Oluwafemi', 'Nnamdi'],
    family: ['Okafor', 'Okonkwo', 'Adeyemi', 'Adebayo', 'Oyelaran', 'Mensah', 'Asante', 'Boateng', 'Owusu', 'Appiah', 'Bello', 'Abubakar', 'Danjuma', 'Eze', 'Nwosu', 'Obi', 'Ogunleye', 'Olawale', 'Diallo', 'Traoré', 'Koné', 'Coulibaly', 'Keïta', 'Sow', 'Ndiaye', 'Diop', 'Fofana', 'Camara', 'Achebe', 'Iweala'],
    secondGivenName: 0.25,
    compoundFamily: 0,
    phone: { countryCode: '234', length: 10, mobilePrefixes: ['803', '806', '813', '816', '703', '706', '905'], groups: [3, 3, 4], trunkZero: true },
    cities: ['Lagos', 'Ibadan', 'Accra', 'Kumasi', 'Kano', 'Abuja', 'Dakar', 'Bamako', 'Enugu'],
    country: 'Nigeria',
    nationalId: { system: 'NIN', letters: 0, digits: 11 },
  },
  'south-asian': {
    female: ['Priya', 'Ananya', 'Aishwarya', 'Deepika', 'Lakshmi', 'Meera', 'Sunita', 'Kavita', 'Pooja', 'Nisha', 'Fatima', 'Ayesha', 'Sana', 'Nusrat', 'Farzana', 'Shreya', 'Divya', 'Radha', 'Sita', 'Parvati', 'Harpreet', 'Gurpreet', 'Anjali', 'Rekha', 'Tahmina'],
    male: ['Rahul', 'Arjun', 'Vikram', 'Sanjay', 'Rajesh', 'Amit', 'Suresh', 'Ramesh', 'Anil', 'Imran', 'Ahmed', 'Bilal', 'Tariq', 'Harjit', 'Gurdeep', 'Manpreet', 'Arun', 'Karthik', 'Venkatesh', 'Srinivas', 'Rohan', 'Aditya', 'Nikhil', 'Farhan', 'Rafiq'],
    family: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Rao', 'Iyer', 'Nair', 'Menon', 'Pillai', 'Chatterjee', 'Banerjee', 'Mukherjee', 'Das', 'Bose', 'Khan', 'Hussain', 'Qureshi', 'Chaudhry', 'Malik', 'Rahman', 'Islam', 'Hossain', 'Joshi', 'Desai', 'Mehta', 'Shah', 'Kapoor', 'Verma', 'Krishnamurthy', 'Subramanian'],
    secondGivenName: 0.1,
    compoundFamily: 0,
    phone: { countryCode: '91', length: 10, mobilePrefixes: ['98', '99', '97', '94', '90', '88', '70'], groups: [5, 5], trunkZero: true },
    cities: ['Mumbai', 'Delhi', 'Bengaluru', 'Chennai', 'Kolkata', 'Hyderabad', 'Lahore', 'Karachi', 'Dhaka'],
    country: 'India',
    nationalId: { system: 'Aadhaar', letters: 0, digits: 12 },
  },
  hispanic: {
    female: ['María', 'María José', 'Lucía', 'Sofía', 'Camila', 'Valentina', 'Isabel', 'Ana', 'Inés', 'Ximena', 'Guadalupe', 'Rocío', 'Mónica', 'Verónica', 'Pilar', 'Carmen', 'Dolores', 'Begoña', 'Mercedes', 'Yolanda', 'Daniela', 'Gabriela', 'Natalia', 'Paula', 'Renée'],
    male: ['José', 'Juan', 'Jesús', 'Andrés', 'Sebastián', 'Martín', 'Nicolás', 'Tomás', 'Ángel', 'Raúl', 'Héctor', 'Óscar', 'Joaquín', 'Rubén', 'Iván', 'Fernando', 'Alejandro', 'Carlos', 'Diego', 'Mateo', 'Santiago', 'Agustín', 'Ramón', 'Julián', 'Germán'],
    family: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Muñoz', 'Jiménez', 'Álvarez', 'Romero', 'Gutiérrez', 'Ruiz', 'Vázquez', 'Castillo', 'Núñez', 'Peña', 'Ibáñez', 'Suárez', 'Méndez', 'Cortés', 'Ortiz', 'Domínguez'],
    secondGivenName: 0.2,
    compoundFamily: 0.45,
    phone: { countryCode: '34', length: 9, mobilePrefixes: ['6', '7'], groups: [3, 3, 3], trunkZero: false },
    cities: ['Madrid', 'Sevilla', 'Ciudad de México', 'Bogotá', 'Lima', 'Quito', 'Málaga', 'Guadalajara', 'Córdoba'],
    country: 'Spain',
    nationalId: { system: 'DNI', letters: 1, digits: 8 },
  },
  arabic: {
    female: ['Fatima', 'Aisha', 'Maryam', 'Noor', 'Layla', 'Huda', 'Amira', 'Yasmin', 'Salma', 'Rania', 'Dina', 'Hana', 'Reem', 'Lina', 'Samira', 'Nadia', 'Zahra', 'Khadija', 'Asma', 'Rawan'],
    male: ['Mohammed', 'Muhammad', 'Ahmad', 'Ali', 'Omar', 'Youssef', 'Khalid', 'Hassan', 'Hussein', 'Ibrahim', 'Mahmoud', 'Mustafa', 'Abdullah', 'Abdulrahman', 'Tariq', 'Faisal', 'Hamza', 'Karim', 'Samir', 'Walid'],
    family: ['Al-Sayed', 'Al-Harbi', 'Al-Qahtani', 'Al-Rashid', 'El-Masri', 'Haddad', 'Khoury', 'Nasser', 'Mansour', 'Saleh', 'Hamdan', 'Aziz', 'Farouk', 'Ibrahim', 'Abdallah', 'Darwish', 'Barakat', 'Bakr', 'Suleiman', 'Zaki', 'Abu Bakr', 'Ben Ali', 'Bouzid', 'Benali', 'El Amrani'],
    secondGivenName: 0.05,
    compoundFamily: 0,
    phone: { countryCode: '971', length: 9, mobilePrefixes: ['50', '52', '55', '56'], groups: [2, 3, 4], trunkZero: true },
    cities: ['Dubai', 'Abu Dhabi', 'Cairo', 'Amman', 'Beirut', 'Riyadh', 'Casablanca', 'Tunis'],
    country: 'United Arab Emirates',
    nationalId: { system: 'Emirates ID', letters: 0, digits: 15 },
  },
  'east-asian': {
    female: ['Mei', 'Xiaoling', 'Li Na', 'Yan', 'Hui', 'Jing', 'Ying', 'Yuki', 'Sakura', 'Haruka', 'Aiko', 'Minji', 'Jiwoo', 'Seoyeon', 'Thị Lan', 'Thị Hương', 'Ngọc Anh', 'Thu Trang', 'Mai', 'Linh'],
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Ming', 'Jian', 'Zhiwei', 'Hiroshi', 'Takeshi', 'Kenji', 'Haruto', 'Minjun', 'Jiho', 'Seojun', 'Văn Minh', 'Văn Hùng', 'Đức Anh', 'Quang Huy', 'Tuấn', 'Long'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi'],
    secondGivenName: 0,
    compoundFamily: 0,
    phone: { countryCode: '86', length: 11, mobilePrefixes: ['138', '139', '150', '186', '189'], groups: [3, 4, 4], trunkZero: false },
    cities: ['Shanghai', 'Beijing', 'Guangzhou', 'Tokyo', 'Osaka', 'Seoul', 'Busan', 'Hà Nội', 'Thành phố Hồ Chí Minh'],
    country: 'China',
    nationalId: { system: 'Resident ID', letters: 0, digits: 18 },
  },
  slavic: {
    female: ['Anna', 'Olga', 'Tatiana', 'Natalia', 'Svetlana', 'Irina', 'Katarzyna', 'Agnieszka', 'Małgorzata', 'Zofia', 'Ewa', 'Jana', 'Lenka', 'Petra', 'Kateřina', 'Veronika', 'Milena', 'Jelena', 'Dragana', 'Ljiljana'],
    male: ['Ivan', 'Dmitri', 'Sergei', 'Aleksandr', 'Nikolai', 'Piotr', 'Paweł', 'Krzysztof', 'Tomasz', 'Łukasz', 'Jan', 'Jiří', 'Tomáš', 'Miroslav', 'Bohdan', 'Oleksandr', 'Milan', 'Dragan', 'Zoran', 'Vladimír'],
    family: ['Ivanov', 'Petrov', 'Smirnov', 'Kuznetsov', 'Popova', 'Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zieliński', 'Dvořák', 'Novák', 'Svoboda', 'Černý', 'Procházka', 'Kučera', 'Horváth', 'Shevchenko', 'Bondarenko', 'Kovalenko', 'Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đorđević'],
    secondGivenName: 0.05,
    compoundFamily: 0,
    phone: { countryCode: '48', length: 9, mobilePrefixes: ['5', '6', '7', '8'], groups: [3, 3, 3], trunkZero: false },
    cities: ['Warszawa', 'Kraków', 'Praha', 'Brno', 'Kyiv', 'Lviv', 'Beograd', 'Novi Sad', 'Łódź'],
    country: 'Poland',
    nationalId: { system: 'PESEL', letters: 0, digits: 11 },
  },
  anglo: {
    female: ['Mary', 'Elizabeth', 'Sarah', 'Emily', 'Emma', 'Olivia', 'Charlotte', 'Jessica', 'Hannah', 'Grace', 'Chloe', 'Lucy', 'Megan', 'Rebecca', 'Laura', 'Siobhan', 'Niamh', 'Bethany', 'Abigail', 'Margaret', 'Zoë', 'Chloé'],
    male: ['James', 'John', 'William', 'Thomas', 'George', 'Oliver', 'Harry', 'Jack', 'Michael', 'David', 'Daniel', 'Matthew', 'Christopher', 'Andrew', 'Robert', 'Patrick', 'Liam', 'Connor', 'Samuel', 'Benjamin'],
    family: ['Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', "O'Brien", "O'Connor", 'McDonald', 'MacLeod', 'Fitzgerald', 'Murphy', 'Kelly', 'Clarke', 'Jackson', 'Wood'],
    secondGivenName: 0.3,
    compoundFamily: 0.02,
    phone: { countryCode: '44', length: 10, mobilePrefixes: ['7700', '7711', '7812', '7911', '7400'], groups: [4, 6], trunkZero: true },
    cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Cardiff', 'Belfast', 'Bristol'],
    country: 'United Kingdom',
    nationalId: { system: 'NHS number', letters: 0, digits: 10 },
  },
  'non-latin': {
    // Arabic, Devanagari, Han, Cyrillic, Greek, Hangul and Hebrew, as patients write their own names.
    female: ['فاطمة', 'مريم', 'नेहा', 'प्रिया', '丽娜', '秀英', 'Анастасия', 'Ольга', 'Ελένη', 'Μαρία', '지민', '서연', 'שרה', 'נועה'],
    male: ['محمد', 'أحمد', 'राहुल', 'अर्जुन', '伟', '建国', 'Алексей', 'Дмитрий', 'Γιώργος', 'Νίκος', '민준', '도윤', 'דוד', 'יוסף'],
    family: ['الحسن', 'العلي', 'शर्मा', 'वर्मा', '王', '李', 'Иванов', 'Смирнова', 'Παπαδόπουλος', 'Οικονόμου', '김', '박', 'כהן', 'לוי'],
    secondGivenName: 0,
    compoundFamily: 0,
    phone: { countryCode: '30', length: 10, mobilePrefixes: ['69'], groups: [3, 3, 4], trunkZero: false },
    cities: ['Αθήνα', 'Москва', '北京', 'दिल्ली', 'القاهرة', '서울', 'ירושלים'],
    country: '',
    nationalId: { system: 'Passport', letters: 2, digits: 7 },
    scriptGroupSize: 2,
  },
};
